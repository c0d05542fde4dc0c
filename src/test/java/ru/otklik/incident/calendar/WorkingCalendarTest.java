package ru.otklik.incident.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.otklik.incident.calendar.Msk.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = Msk.calendar();

    @ParameterizedTest(name = "{0} + {1}h = {2} ({3})")
    @CsvSource({
        "2025-03-03T10:00, 2, 2025-03-03T12:00, within a morning",
        "2025-03-03T12:00, 2, 2025-03-03T15:00, across the lunch break",
        "2025-03-03T14:00, 4, 2025-03-03T18:00, ends exactly at the end of the day",
        "2025-03-03T13:30, 1, 2025-03-03T15:00, starting in the lunch break",
        "2025-03-03T07:00, 1, 2025-03-03T10:00, starting before the day",
        "2025-03-03T20:00, 1, 2025-03-04T10:00, starting after the day",
        "2025-03-14T16:00, 4, 2025-03-17T11:00, across a weekend",
        "2025-03-15T12:00, 1, 2025-03-17T10:00, starting on a Saturday",
        "2025-03-07T15:00, 4, 2025-03-11T11:00, short day then 8 March (Sat) and its shift to Monday",
        "2025-04-30T16:00, 8, 2025-05-05T17:00, short eve, 1 May and the transferred 2 May",
        "2025-10-31T17:00, 3, 2025-11-01T11:00, into a working Saturday",
        "2025-11-01T16:00, 2, 2025-11-05T10:00, a short working Saturday then 3 (transferred) and 4 November",
        "2025-01-31T17:00, 2, 2025-02-03T10:00, month end",
        "2025-12-30T17:00, 2, 2026-01-12T10:00, year end: 31 December transferred, New Year holidays, 9 January transferred",
        "2024-12-27T17:00, 2, 2024-12-28T10:00, working Saturday before New Year",
        "2024-12-28T17:00, 2, 2025-01-09T10:00, from the last working day of 2024 into 2025",
        "2025-03-03T10:00, 40, 2025-03-11T11:00, a week with a shortened day and a shifted holiday"})
    void addsWorkingHours(String from, int hours, String expected, String why) {
        assertEquals(at(expected), calendar.plusWorkingTime(at(from), Duration.ofHours(hours)), why);
    }

    @ParameterizedTest(name = "{0} .. {1} = {2} min")
    @CsvSource({
        "2025-03-14T16:00, 2025-03-17T11:00, 240",
        "2025-03-03T12:30, 2025-03-03T14:30, 60",
        "2025-05-01T00:00, 2025-05-12T00:00, 1860",
        "2025-12-01T00:00, 2026-01-01T00:00, 10560",
        "2025-03-03T18:00, 2025-03-03T09:00, 0"})
    void measuresWorkingTimeBetween(String from, String to, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), calendar.workingTimeBetween(at(from), at(to)));
    }

    @Test
    void decemberTwentyTwentyFiveHasTheDecreeHours() {
        // 23 weekdays, 31 December transferred off: 22 × 8 h
        assertEquals(Duration.ofHours(22 * 8),
                calendar.workingTimeBetween(at("2025-12-01T00:00"), at("2026-01-01T00:00")));
    }

    @Test
    void pausesAreNotCounted() {
        Instant start = at("2025-03-03T10:00");
        List<Interval> pauses = List.of(new Interval(at("2025-03-03T11:00"), at("2025-03-03T15:00")));
        // 10–11 counts, the pause covers 11–15 (lunch included), 15–18 counts
        assertEquals(at("2025-03-03T18:00"), calendar.plusWorkingTime(start, Duration.ofHours(4), pauses));
        assertEquals(Duration.ofHours(4), calendar.workingTimeBetween(start, at("2025-03-03T18:00"), pauses));
    }

    @Test
    void pauseAndResumeAcrossDays() {
        Instant start = at("2025-03-03T16:00");
        // waiting for the author from Monday 17:00 until Wednesday 12:00
        List<Interval> pauses = List.of(new Interval(at("2025-03-03T17:00"), at("2025-03-05T12:00")));
        assertEquals(at("2025-03-05T15:00"), calendar.plusWorkingTime(start, Duration.ofHours(3), pauses));
        assertEquals(Duration.ofHours(1), calendar.workingTimeBetween(start, at("2025-03-05T12:00"), pauses));
    }

    @Test
    void overlappingAndIrrelevantPausesAreMerged() {
        Instant start = at("2025-03-03T10:00");
        List<Interval> pauses = List.of(
                new Interval(at("2025-03-01T10:00"), at("2025-03-02T10:00")),
                new Interval(at("2025-03-03T11:00"), at("2025-03-03T12:00")),
                new Interval(at("2025-03-03T11:30"), at("2025-03-03T12:30")),
                new Interval(at("2025-03-03T12:30"), at("2025-03-03T12:30")));
        assertEquals(at("2025-03-03T15:30"), calendar.plusWorkingTime(start, Duration.ofHours(3), pauses));
        assertEquals(Duration.ofMinutes(150), calendar.workingTimeBetween(start, at("2025-03-03T15:00"), pauses));
    }

    @Test
    void calendarTimeSubtractsPausesToo() {
        List<Interval> pauses = List.of(new Interval(at("2025-03-03T12:00"), at("2025-03-04T12:00")));
        assertEquals(Duration.ofHours(26),
                WorkingCalendar.calendarTimeBetween(at("2025-03-03T10:00"), at("2025-03-05T12:00"), pauses));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2025-03-03T10:00, 8, 2025-03-14T10:00",
        "2025-03-03T10:00, 1, 2025-03-04T10:00",
        "2025-03-14T19:00, 1, 2025-03-18T09:00",
        "2025-03-06T17:30, 1, 2025-03-07T17:00",
        "2025-12-26T11:00, 3, 2026-01-12T11:00",
        "2025-03-15T12:00, 0, 2025-03-17T09:00"})
    void addsWorkingDays(String from, int days, String expected) {
        assertEquals(at(expected), calendar.plusWorkingDays(at(from), days));
    }

    @Test
    void aWorkingDayIsEightHoursEvenAcrossAShortDay() {
        assertEquals(Duration.ofHours(8), calendar.workingDaysAsDuration(at("2025-03-06T10:00"), 1));
        assertEquals(Duration.ofHours(64), calendar.workingDaysAsDuration(at("2025-03-03T10:00"), 8).plusHours(1));
    }

    @Test
    void addingAndMeasuringAreInverse() {
        Random random = new Random(42);
        Instant base = at("2023-12-01T00:00");
        for (int i = 0; i < 500; i++) {
            Instant from = base.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 1000)));
            Duration amount = Duration.ofMinutes(random.nextInt(60 * 8 * 30));
            List<Interval> pauses = List.of(new Interval(from.plus(Duration.ofHours(random.nextInt(100))),
                    from.plus(Duration.ofHours(100 + random.nextInt(100)))));
            Instant end = calendar.plusWorkingTime(from, amount, pauses);
            assertEquals(amount, calendar.workingTimeBetween(from, end, pauses), "from " + from + " + " + amount);
        }
    }

    @Test
    void workingMoments() {
        assertTrue(calendar.isWorkingMoment(at("2025-03-03T09:00")));
        assertFalse(calendar.isWorkingMoment(at("2025-03-03T13:00")));
        assertFalse(calendar.isWorkingMoment(at("2025-03-07T17:30")));
        assertEquals(at("2025-03-11T09:00"), calendar.nextWorkingMoment(at("2025-03-07T17:00")));
    }

    @Test
    void scheduleWithoutLunch() {
        WorkingCalendar noLunch = new WorkingCalendar(Msk.ZONE, new WorkingHours(LocalTime.of(8, 0), LocalTime.of(17, 0),
                Optional.empty(), Optional.empty(), Duration.ofHours(1)), ProductionCalendarFile.bundled());
        assertEquals(at("2025-03-03T14:00"), noLunch.plusWorkingTime(at("2025-03-03T10:00"), Duration.ofHours(4)));
        assertEquals(Duration.ofHours(9), noLunch.hours().fullDayLength());
    }

    @Test
    void rejectsBadSchedulesAndAmounts() {
        assertThrows(IllegalArgumentException.class, () -> new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0),
                Optional.of(LocalTime.of(19, 0)), Optional.of(LocalTime.of(20, 0)), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class,
                () -> calendar.plusWorkingTime(at("2025-03-03T10:00"), Duration.ofHours(-1)));
    }
}
