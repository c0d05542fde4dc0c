package ru.otklik.incident.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ru.otklik.incident.calendar.Interval;

/**
 * The state of one deadline clock of an incident, as stored: when it started, what it grants in
 * working time (fixed at start, so a later calendar edit does not move a running deadline), the
 * closed pauses, an open pause if the incident is waiting for its author, and when it stopped.
 *
 * @param cycle 1 for the first run; a reopened incident or a restart on reassignment starts the
 *              next cycle, so its thresholds can fire again without firing twice in one cycle
 */
public record SlaClock(SlaClockKind kind, int cycle, Instant startedAt, WorkTarget target, Duration workingTarget,
                       List<Interval> pauses, Instant pausedSince, Instant stoppedAt) {

    public SlaClock {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(workingTarget, "workingTarget");
        pauses = Interval.normalise(pauses);
        if (cycle < 1) {
            throw new IllegalArgumentException("clock cycle starts at 1");
        }
    }

    public boolean isPaused() {
        return pausedSince != null && stoppedAt == null;
    }

    public boolean isStopped() {
        return stoppedAt != null;
    }

    public SlaClock pause(Instant at) {
        if (isStopped() || isPaused()) {
            return this;
        }
        return new SlaClock(kind, cycle, startedAt, target, workingTarget, pauses, at, null);
    }

    public SlaClock resume(Instant at) {
        if (!isPaused()) {
            return this;
        }
        List<Interval> closed = new ArrayList<>(pauses);
        closed.add(new Interval(pausedSince, at.isBefore(pausedSince) ? pausedSince : at));
        return new SlaClock(kind, cycle, startedAt, target, workingTarget, closed, null, null);
    }

    /** Stops the clock (first response given, incident resolved); an open pause ends at the same moment. */
    public SlaClock stop(Instant at) {
        if (isStopped()) {
            return this;
        }
        SlaClock running = resume(at);
        return new SlaClock(kind, cycle, startedAt, target, workingTarget, running.pauses, null, at);
    }

    /** Every pause as of {@code now}, the open one closed at {@code now}. */
    public List<Interval> pausesAsOf(Instant now) {
        if (!isPaused() || !now.isAfter(pausedSince)) {
            return pauses;
        }
        List<Interval> all = new ArrayList<>(pauses);
        all.add(new Interval(pausedSince, now));
        return all;
    }
}
