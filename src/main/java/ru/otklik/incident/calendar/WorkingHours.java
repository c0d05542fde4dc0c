package ru.otklik.incident.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily working schedule: start and end of the day, an optional lunch break that is not
 * working time, and how much shorter a pre-holiday day is. The default is 9:00–18:00 with lunch
 * 13:00–14:00 — the usual regional-government schedule, 8 working hours a day.
 */
public record WorkingHours(LocalTime start, LocalTime end, Optional<LocalTime> lunchStart,
                           Optional<LocalTime> lunchEnd, Duration shortDayReduction) {

    public static final WorkingHours DEFAULT = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0),
            Optional.of(LocalTime.of(13, 0)), Optional.of(LocalTime.of(14, 0)), Duration.ofHours(1));

    public WorkingHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(shortDayReduction, "shortDayReduction");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("working day must end after it starts: " + start + "–" + end);
        }
        if (lunchStart.isPresent() != lunchEnd.isPresent()) {
            throw new IllegalArgumentException("lunch break needs both a start and an end");
        }
        if (lunchStart.isPresent()) {
            LocalTime ls = lunchStart.get();
            LocalTime le = lunchEnd.get();
            if (!ls.isAfter(start) || !le.isAfter(ls) || !end.isAfter(le)) {
                throw new IllegalArgumentException(
                        "lunch break " + ls + "–" + le + " must lie inside the working day " + start + "–" + end);
            }
        }
        if (shortDayReduction.isNegative()) {
            throw new IllegalArgumentException("short-day reduction must not be negative");
        }
    }

    /** The working periods of a day of the given kind, in local time, in order. */
    public List<DailyPeriod> periods(DayKind kind) {
        if (!kind.isWorking()) {
            return List.of();
        }
        // The shortened day loses its last hour; the lunch break stays where it is.
        LocalTime dayEnd = kind == DayKind.SHORT ? end.minus(shortDayReduction) : end;
        List<DailyPeriod> periods = new ArrayList<>();
        if (lunchStart.isPresent()) {
            addClipped(periods, start, lunchStart.get(), dayEnd);
            addClipped(periods, lunchEnd.get(), end, dayEnd);
        } else {
            addClipped(periods, start, end, dayEnd);
        }
        return periods;
    }

    /** Working time of a full working day (8 h by default); the unit of a "working day" target. */
    public Duration fullDayLength() {
        Duration total = Duration.between(start, end);
        if (lunchStart.isPresent()) {
            total = total.minus(Duration.between(lunchStart.get(), lunchEnd.get()));
        }
        return total;
    }

    private static void addClipped(List<DailyPeriod> periods, LocalTime from, LocalTime to, LocalTime limit) {
        LocalTime clippedEnd = to.isAfter(limit) ? limit : to;
        if (clippedEnd.isAfter(from)) {
            periods.add(new DailyPeriod(from, clippedEnd));
        }
    }
}
