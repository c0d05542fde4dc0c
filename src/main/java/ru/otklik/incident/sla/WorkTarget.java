package ru.otklik.incident.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.otklik.incident.calendar.WorkingCalendar;

/**
 * An SLA target in working time: {@code 4h} (working hours), {@code 8d} (working days) or
 * {@code 90m} (working minutes). Days are counted on the production calendar ("the same time
 * eight working days later"), so a shortened day does not shorten a days target.
 */
public record WorkTarget(long amount, Unit unit) {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*([mhd])");

    public enum Unit { MINUTES, HOURS, DAYS }

    public WorkTarget {
        if (amount <= 0) {
            throw new IllegalArgumentException("an SLA target must be positive, got " + amount);
        }
    }

    public static WorkTarget hours(long hours) {
        return new WorkTarget(hours, Unit.HOURS);
    }

    public static WorkTarget days(long days) {
        return new WorkTarget(days, Unit.DAYS);
    }

    public static WorkTarget parse(String text) {
        Matcher matcher = FORMAT.matcher(text.strip().toLowerCase());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an SLA target: use e.g. 90m, 4h or 8d (working time)");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> new WorkTarget(amount, Unit.MINUTES);
            case "h" -> new WorkTarget(amount, Unit.HOURS);
            default -> new WorkTarget(amount, Unit.DAYS);
        };
    }

    /** The working time this target grants a clock started at {@code start}. */
    public Duration workingDuration(WorkingCalendar calendar, Instant start) {
        return switch (unit) {
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS -> Duration.ofHours(amount);
            case DAYS -> calendar.workingDaysAsDuration(start, Math.toIntExact(amount));
        };
    }

    /** The same target read as wall-clock time (4h → 4 hours, 8d → 8 × 24 hours): the calendar clock. */
    public Duration calendarDuration() {
        return switch (unit) {
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS -> Duration.ofHours(amount);
            case DAYS -> Duration.ofDays(amount);
        };
    }

    /** Approximate length in working time with a standard day, for comparing targets. */
    public Duration nominal(Duration workingDay) {
        return unit == Unit.DAYS ? workingDay.multipliedBy(amount) : calendarDuration();
    }

    @Override
    public String toString() {
        return amount + switch (unit) {
            case MINUTES -> "m";
            case HOURS -> "h";
            case DAYS -> "d";
        };
    }
}
