package ru.otklik.incident.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Russian production calendar: which days are working, shortened, holidays or days off.
 *
 * <p>The non-working public holidays of Art. 112 of the Labour Code are built in. Everything a
 * government decree decides each year — transferred days off, working Saturdays, and the
 * shortened pre-holiday days of that year — comes from the data file, one year at a time
 * ({@link ProductionCalendarFile}). A year the file does not cover is still answered, from the
 * Labour Code alone (Art. 112 part 2 shifts of holidays falling on a weekend, Art. 95 shortened
 * eves), because a deadline must never be refused; {@link #covers(int)} lets callers warn.
 */
public final class ProductionCalendar {

    /** Art. 112 part 1: 1–6 and 8 January (New Year holidays), 7 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November. */
    public static final Set<MonthDay> ART_112_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5),
            MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
            MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));

    private final Map<Integer, String> yearSources;
    private final Map<LocalDate, DayKind> entries;
    private final Map<Integer, Map<LocalDate, DayKind>> fallbackYears = new ConcurrentHashMap<>();

    /**
     * @param yearSources the years the data covers, each with the decree it follows
     * @param entries     the decree days of those years (days off, working days, short days, extra holidays)
     */
    public ProductionCalendar(Map<Integer, String> yearSources, Map<LocalDate, DayKind> entries) {
        this.yearSources = Map.copyOf(yearSources);
        this.entries = Map.copyOf(entries);
        for (LocalDate date : entries.keySet()) {
            if (!yearSources.containsKey(date.getYear())) {
                throw new IllegalArgumentException("entry " + date + " belongs to a year that the calendar does not declare");
            }
        }
    }

    /** A calendar with no decree data: the Labour Code rules for every year. */
    public static ProductionCalendar labourCodeOnly() {
        return new ProductionCalendar(Map.of(), Map.of());
    }

    public boolean covers(int year) {
        return yearSources.containsKey(year);
    }

    /** The decree a covered year follows, as written in the data file. */
    public String sourceOf(int year) {
        return yearSources.get(year);
    }

    public Set<Integer> coveredYears() {
        return yearSources.keySet();
    }

    public DayKind kindOf(LocalDate date) {
        if (covers(date.getYear())) {
            DayKind explicit = entries.get(date);
            return explicit != null ? explicit : labourCodeBase(date);
        }
        return fallbackYears.computeIfAbsent(date.getYear(), ProductionCalendar::labourCodeYear)
                .getOrDefault(date, labourCodeBase(date));
    }

    public boolean isWorkingDay(LocalDate date) {
        return kindOf(date).isWorking();
    }

    /** Holiday, weekend or working day from the Labour Code's fixed list and the five-day week alone. */
    static DayKind labourCodeBase(LocalDate date) {
        if (ART_112_HOLIDAYS.contains(MonthDay.from(date))) {
            return DayKind.HOLIDAY;
        }
        return isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKING;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /**
     * Derives a year the data file lacks from the Labour Code: a weekend day that coincides with a
     * non-January holiday moves to the next working day (Art. 112 part 2 — January's are left to
     * the decree, so none is moved here), and a working day right before a holiday is shortened
     * (Art. 95). Good enough to keep deadlines running until an operator adds the decree.
     */
    private static Map<LocalDate, DayKind> labourCodeYear(int year) {
        Map<LocalDate, DayKind> days = new HashMap<>();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (labourCodeBase(d) == DayKind.HOLIDAY && isWeekend(d) && d.getMonthValue() != 1) {
                LocalDate shifted = d.plusDays(1);
                while (kindIn(days, shifted) != DayKind.WORKING) {
                    shifted = shifted.plusDays(1);
                }
                if (shifted.getYear() == year) {
                    days.put(shifted, DayKind.DAY_OFF);
                }
            }
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (kindIn(days, d) == DayKind.WORKING && labourCodeBase(d.plusDays(1)) == DayKind.HOLIDAY) {
                days.put(d, DayKind.SHORT);
            }
        }
        return days;
    }

    private static DayKind kindIn(Map<LocalDate, DayKind> days, LocalDate date) {
        DayKind kind = days.get(date);
        return kind != null ? kind : labourCodeBase(date);
    }
}
