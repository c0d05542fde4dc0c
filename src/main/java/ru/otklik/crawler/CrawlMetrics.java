package ru.otklik.crawler;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;
import ru.otklik.post.UpsertStatus;

/** Per-source counters in {@code /q/metrics}: runs by outcome, pages, posts by upsert status, alerts. */
@ApplicationScoped
public class CrawlMetrics {

    private static final Logger LOG = Logger.getLogger(CrawlMetrics.class);

    private final MeterRegistry registry;

    public CrawlMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void run(String source, String outcome, CrawlCounts counts, Duration took) {
        registry.counter("otklik.crawler.runs", "source", source, "outcome", outcome).increment();
        registry.timer("otklik.crawler.run.duration", "source", source).record(took);
        registry.counter("otklik.crawler.pages", "source", source).increment(counts.pages());
        for (UpsertStatus status : UpsertStatus.values()) {
            int n = counts.count(status);
            if (n > 0) {
                registry.counter("otklik.crawler.posts", "source", source, "status", status.json()).increment(n);
            }
        }
        if (counts.skipped() > 0) {
            registry.counter("otklik.crawler.skipped", "source", source).increment(counts.skipped());
        }
    }

    /**
     * Something a person must act on (an invalid VK token). Logged at ERROR and counted; the readiness check
     * turns DOWN through the source's health. The alert outbox, when it lands, subscribes to the same call.
     */
    public void alert(String source, String reason, String message) {
        LOG.errorf("ALERT source=%s reason=%s: %s", source, reason, message);
        registry.counter("otklik.crawler.alerts", "source", source, "reason", reason).increment();
    }
}
