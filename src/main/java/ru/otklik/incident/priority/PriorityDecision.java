package ru.otklik.incident.priority;

import java.util.List;

/** A priority with the signals that produced it, e.g. {@code ["reach>=50000"]}, for the audit event. */
public record PriorityDecision(Priority priority, List<String> reasons) {

    public PriorityDecision {
        reasons = List.copyOf(reasons);
    }
}
