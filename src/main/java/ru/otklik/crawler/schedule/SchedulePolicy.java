package ru.otklik.crawler.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import ru.otklik.crawler.CrawlFailure;

/**
 * When a source runs next: its interval plus a random jitter after a success (so sources defined together do
 * not hit their hosts together), a doubling back-off after failures, and the platform's own date when it gave one.
 */
public record SchedulePolicy(Duration maxFailureBackoff) {

    public Instant afterSuccess(Instant now, int intervalSeconds, int jitterSeconds, boolean backlog) {
        if (backlog) {
            // the page budget ran out with pages left: continue soon, after the other due sources had a turn
            return now.plusSeconds(1);
        }
        return now.plusSeconds(intervalSeconds).plusMillis(jitterMillis(jitterSeconds));
    }

    /**
     * @param failures consecutive failures including this one
     */
    public Instant afterFailure(Instant now, int intervalSeconds, int jitterSeconds, int failures, CrawlFailure failure) {
        if (failure.resumeAt() != null && failure.resumeAt().isAfter(now)) {
            return failure.resumeAt().plusMillis(jitterMillis(Math.min(jitterSeconds, 60)));
        }
        if (failure.type() == CrawlFailure.Type.TRANSIENT) {
            long base = intervalSeconds * 1000L << Math.min(Math.max(failures - 1, 0), 16);
            long capped = Math.min(base, maxFailureBackoff.toMillis());
            return now.plusMillis(capped).plusMillis(jitterMillis(jitterSeconds));
        }
        return now.plusSeconds(intervalSeconds).plusMillis(jitterMillis(jitterSeconds));
    }

    private static long jitterMillis(int jitterSeconds) {
        return jitterSeconds <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterSeconds * 1000L + 1);
    }
}
