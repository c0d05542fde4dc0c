package ru.otklik.incident.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityRulesTest {

    private final PriorityRules rules = PriorityRules.DEFAULT;

    @ParameterizedTest(name = "conflict {0}, reach {1}, growth {2} → {3}")
    @CsvSource({
        "0.0, 0, 0, normal",
        "0.49, 4999, 4, normal",
        "0.5, 0, 0, high",
        "0.0, 5000, 0, high",
        "0.0, 0, 5, high",
        "0.79, 49999, 19, high",
        "0.8, 0, 0, critical",
        "0.1, 50000, 0, critical",
        "0.1, 10, 20, critical"})
    void decides(double conflict, long reach, int growth, String expected) {
        assertEquals(Priority.fromCode(expected), rules.decide(new PrioritySignals(conflict, reach, growth)).priority());
    }

    @Test
    void explainsTheDecision() {
        assertEquals(List.of("reach>=50000", "growth>=20"),
                rules.decide(new PrioritySignals(0.3, 60_000, 25)).reasons());
        assertEquals(List.of("conflict_score>=0.5"), rules.decide(new PrioritySignals(0.6, 0, 0)).reasons());
    }

    @Test
    void neverLowersOnItsOwn() {
        assertEquals(Priority.CRITICAL, rules.raise(Priority.CRITICAL, new PrioritySignals(0, 0, 0)));
        assertEquals(Priority.HIGH, rules.raise(Priority.NORMAL, new PrioritySignals(0.6, 0, 0)));
    }

    @Test
    void growthCountsPostsInTheWindow() {
        Instant now = Instant.parse("2025-03-03T12:00:00Z");
        List<Instant> times = List.of(now.minus(Duration.ofHours(25)), now.minus(Duration.ofHours(24)),
                now.minus(Duration.ofHours(23)), now.minusSeconds(1), now, now.plusSeconds(1));
        assertEquals(3, rules.growth(times, now));
    }

    @Test
    void rejectsCriticalLaxerThanHigh() {
        assertThrows(IllegalArgumentException.class, () -> new PriorityRules(new PriorityThresholds(0.5, 5000, 5),
                new PriorityThresholds(0.4, 50000, 20), Duration.ofHours(24)));
        assertThrows(IllegalArgumentException.class, () -> new PriorityThresholds(1.5, 0, 0));
        assertEquals(Priority.HIGH, Priority.fromCode("HIGH"));
    }
}
