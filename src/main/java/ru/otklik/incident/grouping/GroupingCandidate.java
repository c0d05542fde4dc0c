package ru.otklik.incident.grouping;

import java.time.Instant;
import ru.otklik.incident.workflow.IncidentStatus;

/** An existing incident as the matcher sees it: where, what, when last seen, and its text. */
public record GroupingCandidate(long incidentId, String topic, String municipality, IncidentStatus status,
                                Instant lastSeenAt, TermVector terms) {
}
