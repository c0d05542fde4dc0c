package ru.otklik.incident.priority;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Priority from conflict score, reach and growth: critical if any critical threshold is reached,
 * else high if any high threshold is, else normal. Any single signal suffices because each one
 * alone — an angry thread, a viral post, a flood of new complaints — needs a faster answer.
 */
public final class PriorityRules {

    public static final PriorityRules DEFAULT = new PriorityRules(
            new PriorityThresholds(0.5, 5_000, 5), new PriorityThresholds(0.8, 50_000, 20), Duration.ofHours(24));

    private final PriorityThresholds high;
    private final PriorityThresholds critical;
    private final Duration growthWindow;

    public PriorityRules(PriorityThresholds high, PriorityThresholds critical, Duration growthWindow) {
        if (!critical.atLeastAsStrictAs(high)) {
            throw new IllegalArgumentException("otklik.priority: every critical threshold must be at least the high one");
        }
        if (growthWindow.isNegative() || growthWindow.isZero()) {
            throw new IllegalArgumentException("otklik.priority.growth-window must be positive");
        }
        this.high = high;
        this.critical = critical;
        this.growthWindow = growthWindow;
    }

    public Duration growthWindow() {
        return growthWindow;
    }

    public PriorityDecision decide(PrioritySignals signals) {
        List<String> reasons = reached(signals, critical);
        if (!reasons.isEmpty()) {
            return new PriorityDecision(Priority.CRITICAL, reasons);
        }
        reasons = reached(signals, high);
        return reasons.isEmpty() ? new PriorityDecision(Priority.NORMAL, List.of()) : new PriorityDecision(Priority.HIGH, reasons);
    }

    /**
     * Re-evaluation as posts join never lowers a priority on its own: a calmer hour does not make a
     * burst pipe less urgent, and an operator's choice is not overridden downwards.
     */
    public Priority raise(Priority current, PrioritySignals signals) {
        Priority decided = decide(signals).priority();
        return decided.compareTo(current) > 0 ? decided : current;
    }

    /** Growth: how many of the given post times fall within the window ending at {@code now}. */
    public int growth(Collection<Instant> postTimes, Instant now) {
        Instant from = now.minus(growthWindow);
        return (int) postTimes.stream().filter(t -> t.isAfter(from) && !t.isAfter(now)).count();
    }

    private static List<String> reached(PrioritySignals signals, PriorityThresholds thresholds) {
        List<String> reasons = new ArrayList<>();
        if (signals.conflictScore() >= thresholds.conflictScore()) {
            reasons.add("conflict_score>=" + thresholds.conflictScore());
        }
        if (signals.reach() >= thresholds.reach()) {
            reasons.add("reach>=" + thresholds.reach());
        }
        if (signals.growth() >= thresholds.growth()) {
            reasons.add("growth>=" + thresholds.growth());
        }
        return reasons;
    }
}
