package ru.otklik.crawler.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jboss.logging.Logger;

/**
 * The one place where the crawler talks HTTP: politeness per host, timeouts, a body size limit, retries with
 * exponential back-off and jitter, Retry-After, conditional GET, and every status decision.
 *
 * <p>It is blocking on purpose (OkHttp's synchronous API keeps the retry loop plain); callers run it on a
 * worker thread through {@link ru.otklik.crawler.BlockingIo}, never on the event loop.
 */
public class Fetcher {

    private static final Logger LOG = Logger.getLogger(Fetcher.class);
    /** Statuses that say "not now" rather than "never": worth retrying. */
    private static final Set<Integer> RETRYABLE = Set.of(408, 425, 429, 500, 502, 503, 504);

    private final OkHttpClient client;
    private final FetchSettings settings;
    private final Politeness politeness = new Politeness();
    private final Clock clock;

    public Fetcher(FetchSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .followRedirects(true)
                // retries are ours (with back-off); OkHttp's silent retry would hide failures from the policy
                .retryOnConnectionFailure(false);
        settings.proxy().filter(p -> !p.isBlank()).ifPresent(p -> builder.proxy(proxy(p)));
        this.client = builder.build();
    }

    public FetchResponse fetch(FetchRequest request) throws FetchException, InterruptedException {
        HttpUrl url = HttpUrl.parse(request.url());
        if (url == null) {
            throw new FetchException("Некорректный URL: " + request.url(), 0, false, null, null);
        }
        String bucket = request.rateKey() != null ? request.rateKey() : url.host() + ":" + url.port();
        Duration interval = request.minInterval() != null ? request.minInterval() : settings.politenessDelay();
        Request httpRequest = build(url, request);
        for (int attempt = 1; ; attempt++) {
            politeness.await(bucket, interval);
            boolean last = attempt >= settings.maxAttempts();
            Duration wait;
            try (Response response = client.newCall(httpRequest).execute()) {
                int status = response.code();
                if (status == 304 || response.isSuccessful()) {
                    byte[] body = status == 304 ? new byte[0] : readLimited(response.body(), url);
                    return new FetchResponse(status, response.request().url().toString(), body,
                            response.header("Content-Type"), response.header("ETag"), response.header("Last-Modified"));
                }
                if (!RETRYABLE.contains(status)) {
                    throw new FetchException("HTTP " + status + " от " + redacted(url), status, false, null, null);
                }
                Duration retryAfter = Backoff.retryAfter(response.header("Retry-After"), clock.instant());
                Instant retryAt = retryAfter == null ? null : clock.instant().plus(retryAfter);
                if (last || (retryAfter != null && retryAfter.compareTo(settings.maxRetryAfterWait()) > 0)) {
                    throw new FetchException("HTTP " + status + " от " + redacted(url) + " после " + attempt + " попыт.",
                            status, true, retryAt, null);
                }
                wait = retryAfter != null ? retryAfter : settings.backoff().delay(attempt);
                LOG.debugf("HTTP %d from %s, attempt %d, retrying in %s", status, redacted(url), attempt, wait);
            } catch (IOException e) {
                if (last) {
                    throw new FetchException("Сетевая ошибка при запросе " + redacted(url) + " после " + attempt
                            + " попыт.: " + e, 0, true, null, e);
                }
                wait = settings.backoff().delay(attempt);
                LOG.debugf("%s from %s, attempt %d, retrying in %s", e, redacted(url), attempt, wait);
            }
            Thread.sleep(wait.toMillis());
        }
    }

    private Request build(HttpUrl url, FetchRequest request) {
        Request.Builder builder = new Request.Builder().url(url).get().header("User-Agent", settings.userAgent());
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            builder.header(h.getKey(), h.getValue());
        }
        if (request.etag() != null) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        return builder.build();
    }

    /** Reads at most the configured size: a runaway or hostile body fails the fetch instead of the heap. */
    private byte[] readLimited(ResponseBody body, HttpUrl url) throws IOException, FetchException {
        long max = settings.maxBodyBytes();
        if (body.contentLength() > max) {
            throw tooLarge(url, max);
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge(url, max);
            }
            return bytes;
        }
    }

    private static FetchException tooLarge(HttpUrl url, long max) {
        return new FetchException("Ответ " + redacted(url) + " больше " + max + " байт", 0, false, null, null);
    }

    /** A URL for logs and error texts: query values dropped, since API tokens travel there. */
    public static String redacted(HttpUrl url) {
        if (url.querySize() == 0) {
            return url.toString();
        }
        HttpUrl.Builder b = url.newBuilder();
        for (String name : url.queryParameterNames()) {
            if (name.contains("token") || name.contains("key") || name.contains("secret")) {
                b.setQueryParameter(name, "***");
            }
        }
        return b.build().toString();
    }

    private static Proxy proxy(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("otklik.crawler.http.proxy должен быть вида host:port, получено " + hostPort);
        }
        return new Proxy(Proxy.Type.HTTP,
                InetSocketAddress.createUnresolved(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))));
    }
}
