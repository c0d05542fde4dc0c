package ru.otklik.crawler.fetch;

import java.time.Duration;
import java.util.Optional;
import ru.otklik.crawler.CrawlerConfig;

/** What the {@link Fetcher} needs from the configuration, as a value so tests can build one directly. */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
                            Duration politenessDelay, Optional<String> proxy, int maxAttempts, Backoff backoff,
                            Duration maxRetryAfterWait) {

    public static FetchSettings of(CrawlerConfig config) {
        CrawlerConfig.Http http = config.http();
        CrawlerConfig.Retry retry = config.retry();
        return new FetchSettings(http.userAgent(), http.connectTimeout(), http.readTimeout(), http.maxBodyBytes(),
                http.politenessDelay(), http.proxy(), retry.maxAttempts(),
                new Backoff(retry.initialBackoff(), retry.maxBackoff(), retry.jitter()), retry.maxRetryAfterWait());
    }
}
