package ru.otklik.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size},
 * {@code max-body-size}) answered with a problem+json body: 414, 431 and 413.
 *
 * <p>The HTTP decoder answers a request over its own limits with a bare status and no way to add a body. So
 * the decoder's limits are raised to {@value #DECODER_HEADROOM} times the configured ones, and this route,
 * first in the router, enforces the configured ones with a problem. Only a request line or headers past the
 * raised limit still get the decoder's bare answer.
 */
@ApplicationScoped
public class TransportLimits implements HttpServerOptionsCustomizer {

    static final int DECODER_HEADROOM = 8;
    private static final int MAX_INSTANCE = 200;

    private final int maxLine;
    private final long maxHeaders;
    private final long maxBody;
    private final ObjectMapper json;

    public TransportLimits(@ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096") int maxLine,
                           @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K") MemorySize maxHeaders,
                           @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
                           ObjectMapper json) {
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders.asLongValue();
        this.maxBody = maxBody.asLongValue();
        this.json = json;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxInitialLineLength(maxLine * DECODER_HEADROOM);
        options.setMaxHeaderSize((int) Math.min(Integer.MAX_VALUE, maxHeaders * DECODER_HEADROOM));
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // "METHOD SP target SP HTTP/1.1", as the decoder counts the line
        int line = request.method().name().length() + request.uri().length() + 10;
        if (line > maxLine) {
            refuse(ctx, 414, "Слишком длинный адрес", "Строка запроса длиннее " + maxLine + " байт (" + line + ").");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headers += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headers > maxHeaders) {
            refuse(ctx, 431, "Слишком большие заголовки", "Заголовки запроса больше " + maxHeaders + " байт (" + headers + ").");
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && declaredLength(length) > maxBody) {
            refuse(ctx, 413, "Слишком большое тело запроса", "Тело запроса больше " + maxBody + " байт (" + length + ").");
            return;
        }
        ctx.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // the HTTP decoder refuses a malformed length itself
        }
    }

    private void refuse(RoutingContext ctx, int status, String title, String detail) {
        String path = ctx.request().path();
        String instance = path == null || path.length() <= MAX_INSTANCE ? path : path.substring(0, MAX_INSTANCE) + "…";
        String body;
        try {
            body = json.writeValueAsString(Problem.of(status, title, detail, instance));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the unread body or the rest of an oversized request is not worth keeping the connection for
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
