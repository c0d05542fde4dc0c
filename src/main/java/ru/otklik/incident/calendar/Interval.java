package ru.otklik.incident.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A half-open span of time [start, end). Used for working periods and for clock pauses. */
public record Interval(Instant start, Instant end) {

    public Interval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("interval ends before it starts: " + start + " .. " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean isEmpty() {
        return start.equals(end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** The common part of two intervals, or an empty interval at the later start. */
    public Interval intersect(Interval other) {
        Instant s = start.isAfter(other.start) ? start : other.start;
        Instant e = end.isBefore(other.end) ? end : other.end;
        return e.isAfter(s) ? new Interval(s, e) : new Interval(s, s);
    }

    /**
     * Sorts and merges overlapping or touching intervals, dropping empty ones. Pauses come from
     * workflow events and may overlap when an operator toggles the status twice; merging keeps the
     * arithmetic from subtracting the same minute twice.
     */
    public static List<Interval> normalise(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals.stream().filter(i -> !i.isEmpty()).toList());
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            if (!merged.isEmpty() && !next.start().isAfter(merged.get(merged.size() - 1).end())) {
                Interval last = merged.remove(merged.size() - 1);
                Instant end = next.end().isAfter(last.end()) ? next.end() : last.end();
                merged.add(new Interval(last.start(), end));
            } else {
                merged.add(next);
            }
        }
        return List.copyOf(merged);
    }

    /** Removes the (normalised) pauses from this interval; what remains, in order. */
    public List<Interval> minus(List<Interval> normalisedPauses) {
        List<Interval> pieces = new ArrayList<>();
        Instant cursor = start;
        for (Interval pause : normalisedPauses) {
            if (!pause.end().isAfter(cursor)) {
                continue;
            }
            if (!pause.start().isBefore(end)) {
                break;
            }
            if (pause.start().isAfter(cursor)) {
                pieces.add(new Interval(cursor, pause.start()));
            }
            cursor = pause.end();
            if (!cursor.isBefore(end)) {
                return pieces;
            }
        }
        if (cursor.isBefore(end)) {
            pieces.add(new Interval(cursor, end));
        }
        return pieces;
    }
}
