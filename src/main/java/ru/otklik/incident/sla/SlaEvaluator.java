package ru.otklik.incident.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.otklik.incident.calendar.Interval;
import ru.otklik.incident.calendar.WorkingCalendar;

/**
 * Pure deadline arithmetic over {@link SlaClock}s: deadlines, elapsed time on both clocks and the
 * thresholds crossed at an instant. The instant is always passed in, taken by the caller from an
 * injected {@link java.time.Clock}.
 */
public final class SlaEvaluator {

    private final WorkingCalendar calendar;
    private final EscalationThresholds thresholds;

    public SlaEvaluator(WorkingCalendar calendar, EscalationThresholds thresholds) {
        this.calendar = calendar;
        this.thresholds = thresholds;
    }

    public EscalationThresholds thresholds() {
        return thresholds;
    }

    /** A new clock for a target, starting at {@code at}. */
    public SlaClock start(SlaClockKind kind, int cycle, WorkTarget target, Instant at) {
        return new SlaClock(kind, cycle, at, target, target.workingDuration(calendar, at), List.of(), null, null);
    }

    /** The same clock with another target (a priority change), still counted from its start. */
    public SlaClock retarget(SlaClock clock, WorkTarget target) {
        return new SlaClock(clock.kind(), clock.cycle(), clock.startedAt(), target,
                target.workingDuration(calendar, clock.startedAt()), clock.pauses(), clock.pausedSince(), clock.stoppedAt());
    }

    public SlaStatus evaluate(SlaClock clock, Instant now) {
        Instant end = endOf(clock, now);
        List<Interval> pauses = clock.pausesAsOf(end);
        Instant due = calendar.plusWorkingTime(clock.startedAt(), clock.workingTarget(), pauses);
        Duration pausedCalendar = Duration.ZERO;
        for (Interval pause : Interval.normalise(pauses)) {
            if (pause.end().isAfter(clock.startedAt())) {
                pausedCalendar = pausedCalendar.plus(pause.intersect(new Interval(clock.startedAt(), pause.end())).length());
            }
        }
        Instant calendarDue = clock.startedAt().plus(clock.target().calendarDuration()).plus(pausedCalendar);
        Duration working = calendar.workingTimeBetween(clock.startedAt(), end, pauses);
        Duration wall = WorkingCalendar.calendarTimeBetween(clock.startedAt(), end, pauses);
        double percent = clock.workingTarget().isZero() ? 100.0
                : 100.0 * working.toNanos() / clock.workingTarget().toNanos();
        boolean overdue = end.isAfter(due);
        Boolean met = clock.isStopped() ? !overdue : null;
        return new SlaStatus(clock.kind(), clock.cycle(), clock.target(), clock.startedAt(), due, calendarDue, working, wall,
                percent, clock.isPaused(), overdue, clock.stoppedAt(), met);
    }

    /** The instant at which the clock reaches {@code percent} of its target, given the pauses known at {@code now}. */
    public Instant thresholdAt(SlaClock clock, int percent, Instant now) {
        Duration share = clock.workingTarget().multipliedBy(percent).dividedBy(100);
        return calendar.plusWorkingTime(clock.startedAt(), share, clock.pausesAsOf(endOf(clock, now)));
    }

    /**
     * The thresholds crossed by {@code now}, ascending. A warning is crossed once its share of the
     * target is used up; the overdue escalation only strictly after the deadline, so an answer
     * given at the deadline is on time. A stopped clock crosses nothing after it stopped.
     */
    public List<Integer> crossed(SlaClock clock, Instant now) {
        Instant end = endOf(clock, now);
        List<Integer> crossed = new ArrayList<>();
        for (int percent : thresholds.all()) {
            Instant at = thresholdAt(clock, percent, now);
            boolean reached = EscalationThresholds.isEscalation(percent) ? end.isAfter(at) : !end.isBefore(at);
            if (reached) {
                crossed.add(percent);
            }
        }
        return crossed;
    }

    /** When the next not-yet-crossed threshold will be reached if nothing changes; empty if stopped or all crossed. */
    public Optional<Instant> nextThresholdAt(SlaClock clock, Instant now) {
        if (clock.isStopped()) {
            return Optional.empty();
        }
        List<Integer> done = crossed(clock, now);
        for (int percent : thresholds.all()) {
            if (!done.contains(percent)) {
                return Optional.of(thresholdAt(clock, percent, now));
            }
        }
        return Optional.empty();
    }

    private static Instant endOf(SlaClock clock, Instant now) {
        return clock.isStopped() && clock.stoppedAt().isBefore(now) ? clock.stoppedAt() : now;
    }
}
