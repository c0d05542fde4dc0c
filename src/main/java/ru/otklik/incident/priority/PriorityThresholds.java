package ru.otklik.incident.priority;

/** Reaching any one of these values raises an incident to the level they belong to. */
public record PriorityThresholds(double conflictScore, long reach, int growth) {

    public PriorityThresholds {
        if (conflictScore < 0 || conflictScore > 1) {
            throw new IllegalArgumentException("conflict-score threshold must be within 0..1, got " + conflictScore);
        }
        if (reach < 0 || growth < 0) {
            throw new IllegalArgumentException("reach and growth thresholds must not be negative");
        }
    }

    boolean atLeastAsStrictAs(PriorityThresholds other) {
        return conflictScore >= other.conflictScore && reach >= other.reach && growth >= other.growth;
    }
}
