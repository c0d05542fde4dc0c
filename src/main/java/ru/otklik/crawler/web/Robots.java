package ru.otklik.crawler.web;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ru.otklik.crawler.CrawlerConfig;
import ru.otklik.crawler.fetch.FetchException;
import ru.otklik.crawler.fetch.FetchRequest;
import ru.otklik.crawler.fetch.FetchResponse;
import ru.otklik.crawler.fetch.Fetcher;

/**
 * robots.txt per host, parsed by crawler-commons and cached. A missing robots.txt (4xx) allows everything; one
 * that cannot be fetched (5xx, network) disallows for now, as RFC 9309 asks. Blocking: call it from a worker.
 */
@ApplicationScoped
public class Robots {

    private record Cached(BaseRobotRules rules, Instant until) {
    }

    private final Fetcher fetcher;
    private final CrawlerConfig config;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public Robots(Fetcher fetcher, CrawlerConfig config, Clock clock) {
        this.fetcher = fetcher;
        this.config = config;
        this.clock = clock;
    }

    public boolean allowed(String url) throws InterruptedException {
        if (!config.web().obeyRobots()) {
            return true;
        }
        URI uri = URI.create(url);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        Cached cached = cache.get(origin);
        if (cached == null || cached.until().isBefore(clock.instant())) {
            cached = new Cached(fetch(origin), clock.instant().plus(config.web().robotsCacheTtl()));
            cache.put(origin, cached);
        }
        return cached.rules().isAllowed(url);
    }

    private BaseRobotRules fetch(String origin) throws InterruptedException {
        try {
            FetchResponse r = fetcher.fetch(FetchRequest.get(origin + "/robots.txt"));
            return new SimpleRobotRulesParser().parseContent(origin + "/robots.txt", r.body(), "text/plain",
                    List.of(agentName()));
        } catch (FetchException e) {
            return e.status() >= 400 && e.status() < 500
                    ? new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL)
                    : new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
        }
    }

    /** The product token of our User-Agent ("OtklikBot/0.1 (…)" → "otklikbot"), which robots.txt groups name. */
    private String agentName() {
        String ua = config.http().userAgent();
        int end = ua.indexOf('/');
        return (end > 0 ? ua.substring(0, end) : ua).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
