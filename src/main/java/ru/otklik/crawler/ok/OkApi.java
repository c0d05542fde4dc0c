package ru.otklik.crawler.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jboss.logging.Logger;
import ru.otklik.crawler.BlockingIo;
import ru.otklik.crawler.CrawlFailure;
import ru.otklik.crawler.CrawlerConfig;
import ru.otklik.crawler.fetch.Backoff;
import ru.otklik.crawler.fetch.FetchRequest;
import ru.otklik.crawler.fetch.FetchResponse;
import ru.otklik.crawler.fetch.Fetcher;

/**
 * Calls Odnoklassniki REST API methods through {@code fb.do}: application key, signature and token added,
 * ≤ N requests/s per application, and each OK error code ({@code error_code} / {@code error_msg}) turned into
 * what the crawler must do. The secret and the token travel only in the request and are never logged.
 */
@ApplicationScoped
public class OkApi {

    private static final Logger LOG = Logger.getLogger(OkApi.class);
    /** UNKNOWN (1), SERVICE (2, temporarily unavailable), FLOOD_BLOCKED (8), SYSTEM (5000): wait and try again. */
    private static final Set<Integer> RETRY = Set.of(1, 2, 8, 5000);
    /** ACTION_BLOCKED (7), IP_BLOCKED (9), LIMIT_REACHED (11), TOTAL_LIMIT_REACHED (26): the application rests. */
    private static final Set<Integer> LIMIT = Set.of(7, 9, 11, 26);
    /** PARAM_API_KEY (101), SESSION_EXPIRED (102), SESSION_KEY (103), SIGNATURE (104), RESIGNATURE (105), APPLICATION_DISABLED (210). */
    private static final Set<Integer> AUTH = Set.of(101, 102, 103, 104, 105, 210);
    /** PERMISSION_DENIED (10), PARAM (100, e.g. a wrong gid), PARAM_GROUP_ID (160), PARAM_PERMISSION (200), NOT_FOUND (300). */
    static final Set<Integer> ACCESS = Set.of(10, 100, 160, 200, 300);

    private final BlockingIo io;
    private final Fetcher fetcher;
    private final CrawlerConfig.Ok config;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Instant pausedUntil = Instant.MIN;

    public OkApi(BlockingIo io, Fetcher fetcher, CrawlerConfig config, Clock clock) {
        this.io = io;
        this.fetcher = fetcher;
        this.config = config.ok();
        this.backoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff(), config.retry().jitter());
        this.maxAttempts = config.retry().maxAttempts();
        this.clock = clock;
    }

    /** An access error (10, 100, 160, 200, 300): the caller skips the item or the source, with this reason. */
    public static class AccessDenied extends RuntimeException {
        AccessDenied(int code, String message) {
            super("Одноклассники отказали в доступе (ошибка " + code + "): " + message);
        }
    }

    /** The response object of the method; fails with {@link CrawlFailure} or {@link AccessDenied}. */
    public Uni<JsonNode> call(String method, Map<String, String> params) {
        List<String> missing = missingCredentials();
        if (!missing.isEmpty()) {
            return Uni.createFrom().failure(CrawlFailure.auth(
                    "Ключи Одноклассников не заданы: установите переменные окружения " + String.join(", ", missing)));
        }
        Instant until = pausedUntil;
        if (until.isAfter(clock.instant())) {
            return Uni.createFrom().failure(CrawlFailure.paused(
                    "Одноклассники: приложение на паузе после ошибки лимита", until));
        }
        return io.run(() -> callBlocking(method, params));
    }

    /** Forgets a limit pause (tests; an operator's restart does the same). */
    public void reset() {
        pausedUntil = Instant.MIN;
    }

    private List<String> missingCredentials() {
        Map<String, java.util.Optional<String>> credentials = new LinkedHashMap<>();
        credentials.put("OTKLIK_CRAWLER_OK_APPLICATION_KEY", config.applicationKey());
        credentials.put("OTKLIK_CRAWLER_OK_APPLICATION_SECRET_KEY", config.applicationSecretKey());
        credentials.put("OTKLIK_CRAWLER_OK_ACCESS_TOKEN", config.accessToken());
        return credentials.entrySet().stream().filter(e -> e.getValue().filter(v -> !v.isBlank()).isEmpty())
                .map(Map.Entry::getKey).toList();
    }

    private JsonNode callBlocking(String method, Map<String, String> methodParams) throws Exception {
        Map<String, String> params = new LinkedHashMap<>(methodParams);
        params.put("application_key", config.applicationKey().get());
        params.put("method", method);
        params.put("format", "json");
        String token = config.accessToken().get();
        params.put("sig", OkSignature.sign(params, token, config.applicationSecretKey().get()));
        params.put("access_token", token);
        HttpUrl.Builder url = HttpUrl.get(config.baseUrl()).newBuilder();
        params.forEach(url::addQueryParameter);
        FetchRequest request = FetchRequest.get(url.build().toString())
                .rateLimited("ok-app:" + config.applicationKey().get(),
                        Duration.ofNanos((long) (1_000_000_000L / config.requestsPerSecond())));
        for (int attempt = 1; ; attempt++) {
            FetchResponse response = fetcher.fetch(request);
            JsonNode root;
            try {
                root = json.readTree(response.text());
            } catch (IOException e) {
                throw CrawlFailure.transientFailure("Одноклассники " + method + ": ответ не разобран как JSON ("
                        + e.getMessage().lines().findFirst().orElse("") + ")", null, e);
            }
            if (root == null || !root.isObject()) {
                throw CrawlFailure.transientFailure("Одноклассники " + method + ": ответ не объект JSON", null, null);
            }
            if (!root.has("error_code")) {
                return root;
            }
            int code = root.path("error_code").asInt();
            String message = root.path("error_msg").asText("");
            if (RETRY.contains(code) && attempt < maxAttempts) {
                Duration wait = backoff.delay(attempt).multipliedBy(code == 8 ? 4 : 1);
                LOG.debugf("OK %s error %d (%s), attempt %d, retrying in %s", method, code, message, attempt, wait);
                Thread.sleep(wait.toMillis());
                continue;
            }
            throw failure(method, code, message);
        }
    }

    private RuntimeException failure(String method, int code, String message) {
        String text = "Одноклассники " + method + ": ошибка " + code + " (" + message + ")";
        if (AUTH.contains(code)) {
            return CrawlFailure.auth(text + " — ключи или токен недействительны, проверьте OTKLIK_CRAWLER_OK_*");
        }
        if (LIMIT.contains(code)) {
            pausedUntil = clock.instant().plus(config.limitPause());
            return CrawlFailure.paused(text + " — лимит запросов приложения, пауза", pausedUntil);
        }
        if (ACCESS.contains(code)) {
            return new AccessDenied(code, message);
        }
        return CrawlFailure.transientFailure(text, null, null);
    }
}
