package ru.otklik.incident.sla;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The percentages of a target at which an alert fires: warnings (70 and 90 by default) and the
 * escalation when overdue, which is always present as {@value #OVERDUE}.
 */
public record EscalationThresholds(SortedSet<Integer> warningPercents) {

    public static final int OVERDUE = 100;

    public static final EscalationThresholds DEFAULT = new EscalationThresholds(new TreeSet<>(List.of(70, 90)));

    public EscalationThresholds {
        for (int percent : warningPercents) {
            if (percent <= 0 || percent >= OVERDUE) {
                throw new IllegalArgumentException("otklik.sla.warning-percents: " + percent + " is not between 1 and 99");
            }
        }
        warningPercents = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(warningPercents));
    }

    /** Every threshold in ascending order, the overdue escalation last. */
    public List<Integer> all() {
        List<Integer> all = new ArrayList<>(warningPercents);
        all.add(OVERDUE);
        return all;
    }

    public static boolean isEscalation(int percent) {
        return percent >= OVERDUE;
    }
}
