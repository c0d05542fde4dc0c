package ru.otklik.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.otklik.common.Problem;

/**
 * Refuses cross-site request forgery: a state-changing request that carries a credential the browser adds by
 * itself (the session cookie, remembered HTTP Basic, or the login form itself) must come from Otklik's own pages.
 * Browsers say where a request comes from in {@code Sec-Fetch-Site} and {@code Origin}, and a page on another
 * site cannot forge either. {@code SameSite=Strict} alone left a gap (a same-site subdomain, older browsers).
 *
 * <p>Clients with an API key are not affected (a key is never sent by a browser on its own), nor are scripts
 * that send neither header: a browser always sends {@code Origin} on a cross-site POST.
 */
@ApplicationScoped
public class CrossSiteRequestGuard {

    /**
     * Quarkus installs its HTTP filters at minus their priority: CORS at -300, authentication (which answers the
     * login form) at -200. The guard runs between them, so a forged login is refused as well.
     */
    private static final int ORDER = -250;
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final String cookieName;
    private final String loginPostLocation;
    private final List<String> trustedOrigins;

    public CrossSiteRequestGuard(SecurityConfig config,
                                 @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
                                 @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
                                 String loginPostLocation) {
        this.cookieName = cookieName;
        this.loginPostLocation = loginPostLocation;
        this.trustedOrigins = config.trustedOrigins().orElse(List.of()).stream()
                .map(o -> o.strip().toLowerCase(Locale.ROOT)).toList();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (SAFE.contains(request.method()) || !carriesAmbientCredential(request) || fromOwnPages(request)) {
            context.next();
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        Problem problem = Problem.of(403, "Запрос с другого сайта отклонён",
                "Изменяющий запрос с cookie сеанса или паролем браузера принимается только со страниц Отклика"
                        + (origin == null ? "" : ", а пришёл с " + origin)
                        + ". Программам нужен ключ API в заголовке " + ApiKeyAuthenticationMechanism.HEADER + ".",
                request.path());
        context.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(JsonObject.mapFrom(problem).encode());
    }

    private boolean carriesAmbientCredential(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return request.getCookie(cookieName) != null
                || authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || loginPostLocation.equals(request.path());
    }

    private boolean fromOwnPages(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin == null || trustedOrigins.contains(origin.toLowerCase(Locale.ROOT))
                || sameHost(origin, request.getHeader(HttpHeaders.HOST));
    }

    /** The Origin names the host the request was sent to (ports compared when both name one). */
    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        URI from;
        try {
            from = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (from.getHost() == null) {
            // "Origin: null" (a sandboxed frame, a file) is never our page
            return false;
        }
        URI to = URI.create("//" + host);
        if (to.getHost() == null || !from.getHost().equalsIgnoreCase(to.getHost())) {
            return false;
        }
        int fromPort = from.getPort() != -1 ? from.getPort() : "https".equalsIgnoreCase(from.getScheme()) ? 443 : 80;
        // a proxy may drop the default port from Host and terminate TLS: a Host without a port means a default one
        return to.getPort() == -1 ? fromPort == 80 || fromPort == 443 : to.getPort() == fromPort;
    }
}
