package ru.otklik.crawler.vk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
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
 * Calls VK API methods: the token and version added, ≤ N requests/s per token, daily quotas, and each VK error
 * code turned into what the crawler must do. The token travels only in the request; logs show it as ***.
 */
@ApplicationScoped
public class VkApi {

    private static final Logger LOG = Logger.getLogger(VkApi.class);
    /** Too many requests per second (6), flood control (9), internal error (10): wait and try again. */
    private static final Set<Integer> RETRY = Set.of(1, 6, 9, 10);
    /** Access denied (15), deleted/banned user (18), private profile (30), group access (203), comments (212). */
    static final Set<Integer> ACCESS = Set.of(15, 18, 30, 203, 212);

    private final BlockingIo io;
    private final Fetcher fetcher;
    private final VkLimits limits;
    private final CrawlerConfig.Vk config;
    private final Backoff backoff;
    private final int maxAttempts;
    private final ObjectMapper json = new ObjectMapper();
    private final String rateKey;

    public VkApi(BlockingIo io, Fetcher fetcher, VkLimits limits, CrawlerConfig config) {
        this.io = io;
        this.fetcher = fetcher;
        this.limits = limits;
        this.config = config.vk();
        this.backoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff(), config.retry().jitter());
        this.maxAttempts = config.retry().maxAttempts();
        this.rateKey = "vk-token:" + fingerprint(this.config.token().orElse(""));
    }

    /** An access error (15, 18, 30, 203, 212): the caller skips the item or the source, with this reason. */
    public static class AccessDenied extends RuntimeException {
        private final int code;

        AccessDenied(int code, String message) {
            super("VK отказал в доступе (ошибка " + code + "): " + message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** The {@code response} of the method; fails with {@link CrawlFailure} or {@link AccessDenied}. */
    public Uni<JsonNode> call(String method, Map<String, String> params) {
        if (config.token().isEmpty() || config.token().get().isBlank()) {
            return Uni.createFrom().failure(CrawlFailure.auth(
                    "Токен VK не задан: установите переменную окружения OTKLIK_CRAWLER_VK_TOKEN"));
        }
        VkLimits.Block block = limits.check(method);
        if (block != null) {
            return Uni.createFrom().failure(CrawlFailure.paused("VK: " + block.reason(), block.until()));
        }
        return io.run(() -> callBlocking(method, params));
    }

    private JsonNode callBlocking(String method, Map<String, String> params) throws Exception {
        HttpUrl.Builder url = HttpUrl.get(config.baseUrl().replaceAll("/+$", "") + "/" + method).newBuilder();
        params.forEach(url::addQueryParameter);
        url.addQueryParameter("v", config.version());
        url.addQueryParameter("access_token", config.token().get());
        FetchRequest request = FetchRequest.get(url.build().toString())
                .rateLimited(rateKey, Duration.ofNanos((long) (1_000_000_000L / config.requestsPerSecond())));
        for (int attempt = 1; ; attempt++) {
            limits.count(method);
            FetchResponse response = fetcher.fetch(request);
            JsonNode root;
            try {
                // VK sometimes starts the body with a UTF-8 BOM; text() drops it
                root = json.readTree(response.text());
            } catch (IOException e) {
                throw CrawlFailure.transientFailure("VK " + method + ": ответ не разобран как JSON ("
                        + e.getMessage().lines().findFirst().orElse("") + ")", null, e);
            }
            JsonNode error = root == null ? null : root.get("error");
            if (error == null) {
                JsonNode body = root == null ? null : root.get("response");
                if (body == null) {
                    throw CrawlFailure.transientFailure("VK " + method + ": в ответе нет поля response", null, null);
                }
                return body;
            }
            int code = error.path("error_code").asInt();
            String message = error.path("error_msg").asText("");
            if (RETRY.contains(code) && attempt < maxAttempts) {
                Duration wait = backoff.delay(attempt).multipliedBy(code == 9 ? 4 : 1);
                LOG.debugf("VK %s error %d (%s), attempt %d, retrying in %s", method, code, message, attempt, wait);
                Thread.sleep(wait.toMillis());
                continue;
            }
            throw failure(method, code, message);
        }
    }

    private RuntimeException failure(String method, int code, String message) {
        String text = "VK " + method + ": ошибка " + code + " (" + message + ")";
        if (code == 5) {
            return CrawlFailure.auth(text + " — токен недействителен, получите новый и задайте OTKLIK_CRAWLER_VK_TOKEN");
        }
        if (code == 29) {
            return CrawlFailure.paused(text + " — суточный лимит метода исчерпан", limits.pauseMethodUntilReset(method));
        }
        if (code == 14) {
            return CrawlFailure.paused(text + " — VK требует капчу, токен на паузе", limits.pauseToken(config.captchaPause()));
        }
        if (ACCESS.contains(code)) {
            return new AccessDenied(code, message);
        }
        return CrawlFailure.transientFailure(text, null, null);
    }

    private static String fingerprint(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
