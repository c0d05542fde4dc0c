package ru.otklik.crawler.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.otklik.crawler.CrawlFailure;

class SchedulePolicyTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");
    private final SchedulePolicy policy = new SchedulePolicy(Duration.ofHours(1));

    @Test
    void successWaitsTheIntervalPlusJitter() {
        for (int i = 0; i < 50; i++) {
            Instant next = policy.afterSuccess(NOW, 600, 60, false);
            assertTrue(!next.isBefore(NOW.plusSeconds(600)) && !next.isAfter(NOW.plusSeconds(660)), next.toString());
        }
        assertEquals(NOW.plusSeconds(1), policy.afterSuccess(NOW, 600, 60, true), "a backlog continues at once");
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCap() {
        CrawlFailure f = CrawlFailure.transientFailure("x", null, null);
        assertEquals(NOW.plusSeconds(600), policy.afterFailure(NOW, 600, 0, 1, f));
        assertEquals(NOW.plusSeconds(1200), policy.afterFailure(NOW, 600, 0, 2, f));
        assertEquals(NOW.plusSeconds(3600), policy.afterFailure(NOW, 600, 0, 5, f));
    }

    @Test
    void thePlatformsDateWins() {
        Instant midnight = Instant.parse("2024-03-01T21:00:00Z");
        assertEquals(midnight, policy.afterFailure(NOW, 600, 0, 1, CrawlFailure.paused("29", midnight)));
        assertEquals(NOW.plusSeconds(600), policy.afterFailure(NOW, 600, 0, 3, CrawlFailure.skipped("403")));
    }
}
