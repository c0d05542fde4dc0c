package ru.otklik.incident.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Working-time arithmetic over instants: the production calendar, the daily schedule and a zone
 * (Europe/Moscow for Otklik). Every operation is pure; "now" is always passed in by the caller,
 * who takes it from an injected {@link java.time.Clock}.
 *
 * <p>Pauses are intervals that do not count (an incident waiting for its author); they may
 * overlap and are normalised here.
 */
public final class WorkingCalendar {

    /** Ten years without a single working minute means a broken calendar, not a long wait. */
    private static final int MAX_DAYS_SCANNED = 3660;

    private final ZoneId zone;
    private final WorkingHours hours;
    private final ProductionCalendar production;

    public WorkingCalendar(ZoneId zone, WorkingHours hours, ProductionCalendar production) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.production = Objects.requireNonNull(production, "production");
    }

    public ZoneId zone() {
        return zone;
    }

    public WorkingHours hours() {
        return hours;
    }

    public ProductionCalendar production() {
        return production;
    }

    /** The working periods of one local date as instants, in order; empty on a day off. */
    public List<Interval> workingPeriods(LocalDate date) {
        List<Interval> periods = new ArrayList<>(2);
        for (DailyPeriod period : hours.periods(production.kindOf(date))) {
            periods.add(new Interval(at(date, period.from()), at(date, period.to())));
        }
        return periods;
    }

    public boolean isWorkingMoment(Instant instant) {
        return workingPeriods(localDate(instant)).stream().anyMatch(p -> p.contains(instant));
    }

    /** The instant itself if it is working time, else the start of the next working period. */
    public Instant nextWorkingMoment(Instant instant) {
        LocalDate date = localDate(instant);
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, date = date.plusDays(1)) {
            for (Interval period : workingPeriods(date)) {
                if (period.end().isAfter(instant)) {
                    return period.start().isAfter(instant) ? period.start() : instant;
                }
            }
        }
        throw noWorkingTime(instant);
    }

    /** Working time in [from, to). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        return workingTimeBetween(from, to, List.of());
    }

    /** Working time in [from, to) not covered by any pause. Zero if {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to, List<Interval> pauses) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        List<Interval> normalised = Interval.normalise(pauses);
        Interval span = new Interval(from, to);
        Duration total = Duration.ZERO;
        for (LocalDate date = localDate(from); !date.isAfter(localDate(to)); date = date.plusDays(1)) {
            for (Interval period : workingPeriods(date)) {
                for (Interval piece : period.intersect(span).minus(normalised)) {
                    total = total.plus(piece.length());
                }
            }
        }
        return total;
    }

    /** The instant at which {@code amount} of working time has passed since {@code from}. */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        return plusWorkingTime(from, amount, List.of());
    }

    /**
     * The instant at which {@code amount} of working time outside the pauses has passed since
     * {@code from}. A target that ends exactly at the end of a period ends there (18:00), not at the
     * start of the next one, so "4 hours from 14:00" is 18:00 the same day.
     */
    public Instant plusWorkingTime(Instant from, Duration amount, List<Interval> pauses) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        List<Interval> normalised = Interval.normalise(pauses);
        Duration remaining = amount;
        LocalDate date = localDate(from);
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, date = date.plusDays(1)) {
            for (Interval period : workingPeriods(date)) {
                if (!period.end().isAfter(from)) {
                    continue;
                }
                Interval usable = period.start().isBefore(from) ? new Interval(from, period.end()) : period;
                for (Interval piece : usable.minus(normalised)) {
                    if (piece.length().compareTo(remaining) >= 0) {
                        return piece.start().plus(remaining);
                    }
                    remaining = remaining.minus(piece.length());
                }
            }
        }
        throw noWorkingTime(from);
    }

    /**
     * The same local time of day {@code days} working days later: "within 8 working days" of a
     * complaint received on Monday at 10:00 ends on the eighth working day after, at 10:00. A start
     * outside working hours counts from the next working moment. On a shortened or differently
     * scheduled target day the time is clamped into that day's working periods.
     */
    public Instant plusWorkingDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days to add must not be negative: " + days);
        }
        Instant start = nextWorkingMoment(from);
        if (days == 0) {
            return start;
        }
        LocalDate date = localDate(start);
        LocalTime time = start.atZone(zone).toLocalTime();
        int counted = 0;
        for (int i = 0; i < MAX_DAYS_SCANNED && counted < days; i++) {
            date = date.plusDays(1);
            if (production.isWorkingDay(date)) {
                counted++;
            }
        }
        if (counted < days) {
            throw noWorkingTime(from);
        }
        return clampInto(date, time);
    }

    /** Working time of a "days" target started at {@code from}: the unit a pausable clock runs on. */
    public Duration workingDaysAsDuration(Instant from, int days) {
        Instant start = nextWorkingMoment(from);
        return workingTimeBetween(start, plusWorkingDays(start, days));
    }

    /** Calendar (wall-clock) time in [from, to) not covered by any pause. */
    public static Duration calendarTimeBetween(Instant from, Instant to, List<Interval> pauses) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Interval span = new Interval(from, to);
        Duration total = Duration.ZERO;
        for (Interval piece : span.minus(Interval.normalise(pauses))) {
            total = total.plus(piece.length());
        }
        return total;
    }

    private Instant clampInto(LocalDate date, LocalTime time) {
        Instant wanted = at(date, time);
        List<Interval> periods = workingPeriods(date);
        for (Interval period : periods) {
            if (period.end().isAfter(wanted)) {
                return period.start().isAfter(wanted) ? period.start() : wanted;
            }
        }
        // Past the end of a shortened day: the end of the day is the last working moment.
        return periods.get(periods.size() - 1).end();
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static IllegalStateException noWorkingTime(Instant from) {
        return new IllegalStateException("no working time within ten years after " + from + ": check the working-time calendar");
    }
}
