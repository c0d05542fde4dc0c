package ru.otklik.incident.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock evaluated at an instant: both the working-time and the calendar-time view.
 *
 * @param dueAt            the working-time deadline (projected as if an open pause ended now)
 * @param calendarDueAt    the same target read as wall-clock time, pauses added
 * @param workingElapsed   working time used so far, pauses excluded
 * @param calendarElapsed  wall-clock time used so far, pauses excluded
 * @param percentUsed      working time used in percent of the target (may exceed 100)
 * @param met              null while running; true if stopped on time, false if stopped late
 */
public record SlaStatus(SlaClockKind kind, int cycle, WorkTarget target, Instant startedAt, Instant dueAt,
                        Instant calendarDueAt, Duration workingElapsed, Duration calendarElapsed, double percentUsed,
                        boolean paused, boolean overdue, Instant stoppedAt, Boolean met) {
}
