package ru.otklik.crawler.fetch;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import ru.otklik.crawler.CrawlerConfig;

/** One shared {@link Fetcher}: one connection pool and one politeness table for the whole crawler. */
public class FetcherProducer {

    @Produces
    @Singleton
    Fetcher fetcher(CrawlerConfig config, Clock clock) {
        return new Fetcher(FetchSettings.of(config), clock);
    }
}
