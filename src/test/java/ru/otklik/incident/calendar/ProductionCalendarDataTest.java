package ru.otklik.incident.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shipped years against the working-day counts of the published production calendars. */
class ProductionCalendarDataTest {

    private final ProductionCalendar calendar = ProductionCalendarFile.bundled();

    @ParameterizedTest(name = "{0}: {1} working days, {2} of them shortened")
    @CsvSource({"2024, 248, 5", "2025, 247, 5", "2026, 247, 4"})
    void workingDayCountsMatchThePublishedCalendar(int year, int workingDays, int shortDays) {
        assertTrue(calendar.covers(year));
        int working = 0;
        int shortened = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            DayKind kind = calendar.kindOf(d);
            if (kind.isWorking()) {
                working++;
            }
            if (kind == DayKind.SHORT) {
                shortened++;
            }
        }
        assertEquals(workingDays, working);
        assertEquals(shortDays, shortened);
        assertEquals(365 + (LocalDate.of(year, 1, 1).isLeapYear() ? 1 : 0) - workingDays, 118);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2024-01-01, HOLIDAY", "2024-01-08, HOLIDAY", "2024-01-09, WORKING", "2024-04-27, WORKING",
        "2024-04-29, DAY_OFF", "2024-05-10, DAY_OFF", "2024-11-02, SHORT", "2024-12-28, WORKING",
        "2024-12-31, DAY_OFF", "2025-02-23, HOLIDAY", "2025-02-24, DAY_OFF", "2025-03-07, SHORT",
        "2025-05-02, DAY_OFF", "2025-06-13, WORKING", "2025-11-01, SHORT", "2025-12-31, DAY_OFF",
        "2026-01-09, DAY_OFF", "2026-01-12, WORKING", "2026-05-11, DAY_OFF", "2026-12-31, DAY_OFF",
        "2026-06-06, WEEKEND", "2026-11-04, HOLIDAY"})
    void dayKinds(LocalDate date, DayKind kind) {
        assertEquals(kind, calendar.kindOf(date));
    }

    @Test
    void everyShippedYearNamesItsDecree() {
        for (int year : calendar.coveredYears()) {
            assertTrue(calendar.sourceOf(year).contains("О переносе выходных дней в " + year + " году"), calendar.sourceOf(year));
        }
    }
}
