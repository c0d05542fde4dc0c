package ru.otklik.crawler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every crawler setting, under {@code otklik.crawler.*}; docs/crawler.md lists them with their meaning. */
@ConfigMapping(prefix = "otklik.crawler")
public interface CrawlerConfig {

    /** The region's sources file, loaded at start; empty: no file (sources only over the API). */
    Optional<String> sourcesFile();

    Schedule schedule();

    Http http();

    Retry retry();

    Vk vk();

    Telegram telegram();

    Ok ok();

    Web web();

    Dedup dedup();

    interface Schedule {
        /** Whether the tick picks due sources; tests switch it off and run sources explicitly. */
        @WithDefault("true")
        boolean enabled();

        /** How often the scheduler looks for due sources (read by {@code @Scheduled}). */
        @WithDefault("5s")
        Duration tick();

        /** Sources crawled at the same time at most. */
        @WithDefault("2")
        int maxConcurrent();

        /** Pages one run fetches at most; a longer backlog continues on the next run from the stored cursor. */
        @WithDefault("10")
        int maxPagesPerRun();

        /** Failures in a row after which a source is reported unhealthy. */
        @WithDefault("3")
        int unhealthyAfter();

        /** Upper bound of the back-off after failures (the interval doubles per failure up to this). */
        @WithDefault("6h")
        Duration maxFailureBackoff();
    }

    interface Http {
        @WithDefault("OtklikBot/0.1 (+https://github.com/otklik; monitoring of public posts for a regional management centre)")
        String userAgent();

        @WithDefault("10s")
        Duration connectTimeout();

        @WithDefault("30s")
        Duration readTimeout();

        /** Largest response body accepted; a longer one fails the fetch instead of filling the heap. */
        @WithDefault("10485760")
        long maxBodyBytes();

        /** Minimum time between two requests to the same host. */
        @WithDefault("1s")
        Duration politenessDelay();

        /** HTTP proxy as {@code host:port}; none when empty. */
        Optional<String> proxy();
    }

    interface Retry {
        /** Attempts per request, the first included. */
        @WithDefault("4")
        int maxAttempts();

        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** Random spread added to each back-off, as a fraction of it (0.2 = up to +20 %). */
        @WithDefault("0.2")
        double jitter();

        /** A Retry-After up to this long is waited for in place; a longer one postpones the source's next run. */
        @WithDefault("2m")
        Duration maxRetryAfterWait();
    }

    interface Vk {
        @WithDefault("https://api.vk.com/method")
        String baseUrl();

        /** Service or user access token; set it with the env var OTKLIK_CRAWLER_VK_TOKEN. Never logged. */
        Optional<String> token();

        @WithDefault("5.199")
        String version();

        /** Requests per second per token; VK allows 3. */
        @WithDefault("3")
        double requestsPerSecond();

        @WithDefault("5000")
        int wallGetDailyQuota();

        @WithDefault("1000")
        int newsfeedSearchDailyQuota();

        @WithDefault("100")
        int wallPageSize();

        @WithDefault("200")
        int searchPageSize();

        /** Pages a wall reads back on its very first run (older history is not fetched). */
        @WithDefault("1")
        int initialPages();

        /** Comment threads are refreshed while their post is younger than this. */
        @WithDefault("48h")
        Duration commentsMaxAge();

        /** Young posts whose comments one wall keeps refreshing, newest first. */
        @WithDefault("20")
        int commentsMaxPosts();

        @WithDefault("10")
        int threadItemsCount();

        /** How long a token rests after a captcha (error 14). */
        @WithDefault("15m")
        Duration captchaPause();

        /** How far a newsfeed search looks back on its first run. */
        @WithDefault("24h")
        Duration searchInitialWindow();
    }

    interface Telegram {
        @WithDefault("https://t.me")
        String baseUrl();

        /** Pages a channel reads back on its very first run. */
        @WithDefault("2")
        int initialPages();
    }

    /** Odnoklassniki REST API ({@code ok-group} sources); keys and token only from the environment. */
    interface Ok {
        @WithDefault("https://api.ok.ru/fb.do")
        String baseUrl();

        /** The application's public key (env {@code OTKLIK_CRAWLER_OK_APPLICATION_KEY}). */
        Optional<String> applicationKey();

        /** The application's secret key (env {@code OTKLIK_CRAWLER_OK_APPLICATION_SECRET_KEY}). Never logged. */
        Optional<String> applicationSecretKey();

        /** An access token of the application (env {@code OTKLIK_CRAWLER_OK_ACCESS_TOKEN}). Never logged. */
        Optional<String> accessToken();

        @WithDefault("3")
        double requestsPerSecond();

        /** Topics per {@code mediatopic.getTopics} page. */
        @WithDefault("20")
        int pageSize();

        /** The {@code direction} that pages from the newest topic towards older ones. */
        @WithDefault("FORWARD")
        String direction();

        /** The {@code fields} asked of {@code mediatopic.getTopics}. */
        @WithDefault("media_topic.*,user.first_name,user.last_name,user.name,group.name")
        String fields();

        /** Pages a group reads back on its very first run. */
        @WithDefault("1")
        int initialPages();

        /** Comment threads are refreshed while their topic is younger than this. */
        @WithDefault("48h")
        Duration commentsMaxAge();

        /** Young topics whose comments one group keeps refreshing, newest first. */
        @WithDefault("20")
        int commentsMaxPosts();

        /** How long the application rests after OK's limit errors (11, 26). */
        @WithDefault("1h")
        Duration limitPause();
    }

    interface Web {
        /** Whether robots.txt is fetched and obeyed for web pages and feeds. */
        @WithDefault("true")
        boolean obeyRobots();

        @WithDefault("6h")
        Duration robotsCacheTtl();
    }

    interface Dedup {
        @WithDefault("true")
        boolean enabled();

        /** Largest Hamming distance between two 64-bit SimHashes still counted as the same text (≤ 6: the V11 bands). */
        @WithDefault("6")
        int maxDistance();

        /** Texts shorter than this are too generic ("Спасибо!") to be linked as copies. */
        @WithDefault("60")
        int minTextLength();

        /** How far back in publication time an original is looked for. */
        @WithDefault("14d")
        Duration window();

        /**
         * How often the queue of new posts waiting for their link (V77, {@code QueuedLinking}) is looked at (read by
         * {@code @Scheduled}; {@code off}: only when called, as tests do).
         */
        @WithDefault("1s")
        String linkEvery();

        /** New posts linked in one transaction of that queue at most. */
        @WithDefault("1000")
        int linkBatch();
    }
}
