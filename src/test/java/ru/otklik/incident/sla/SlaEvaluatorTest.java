package ru.otklik.incident.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.otklik.incident.calendar.ProductionCalendarFile;
import ru.otklik.incident.calendar.WorkingCalendar;
import ru.otklik.incident.calendar.WorkingHours;

class SlaEvaluatorTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    private final SlaEvaluator evaluator = new SlaEvaluator(
            new WorkingCalendar(MSK, WorkingHours.DEFAULT, ProductionCalendarFile.bundled()), EscalationThresholds.DEFAULT);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(MSK).toInstant();
    }

    private SlaClock firstResponse8h() {
        return evaluator.start(SlaClockKind.FIRST_RESPONSE, 1, WorkTarget.hours(8), at("2025-03-03T10:00"));
    }

    @Test
    void deadlineAndBothClocks() {
        SlaStatus status = evaluator.evaluate(firstResponse8h(), at("2025-03-04T10:00"));
        assertEquals(at("2025-03-04T10:00"), status.dueAt());
        assertEquals(at("2025-03-03T18:00"), status.calendarDueAt());
        assertEquals(Duration.ofHours(8), status.workingElapsed());
        assertEquals(Duration.ofHours(24), status.calendarElapsed());
        assertEquals(100.0, status.percentUsed(), 1e-9);
        assertFalse(status.overdue());
        assertNull(status.met());
    }

    @Test
    void warningsAtSeventyAndNinetyPercentThenEscalation() {
        SlaClock clock = firstResponse8h();
        // 70 % of 8 h = 5 h 36 min: 10–13 and 14:00–16:36; 90 % = 7 h 12 min: Tuesday 9:12
        assertEquals(at("2025-03-03T16:36"), evaluator.thresholdAt(clock, 70, at("2025-03-03T10:00")));
        assertEquals(List.of(), evaluator.crossed(clock, at("2025-03-03T16:35")));
        assertEquals(List.of(70), evaluator.crossed(clock, at("2025-03-03T16:36")));
        assertEquals(List.of(70), evaluator.crossed(clock, at("2025-03-04T08:00")));
        assertEquals(List.of(70, 90), evaluator.crossed(clock, at("2025-03-04T09:12")));
        assertEquals(List.of(70, 90), evaluator.crossed(clock, at("2025-03-04T10:00")));
        assertEquals(List.of(70, 90, 100), evaluator.crossed(clock, at("2025-03-04T10:00").plusSeconds(1)));
        assertEquals(Optional.of(at("2025-03-04T09:12")), evaluator.nextThresholdAt(clock, at("2025-03-03T17:00")));
        assertEquals(Optional.empty(), evaluator.nextThresholdAt(clock, at("2025-03-05T10:00")));
    }

    @Test
    void waitingForTheAuthorPausesBothClocks() {
        SlaClock clock = firstResponse8h().pause(at("2025-03-03T15:00"));
        SlaStatus paused = evaluator.evaluate(clock, at("2025-03-04T10:00"));
        assertTrue(paused.paused());
        assertEquals(Duration.ofHours(4), paused.workingElapsed());
        assertEquals(Duration.ofHours(5), paused.calendarElapsed());
        assertEquals(50.0, paused.percentUsed(), 1e-9);
        // projected as if the author answered now: 4 h left from Tuesday 10:00
        assertEquals(at("2025-03-04T15:00"), paused.dueAt());
        assertEquals(List.of(), evaluator.crossed(clock, at("2025-03-04T10:00")));

        SlaClock resumed = clock.resume(at("2025-03-05T12:00"));
        SlaStatus status = evaluator.evaluate(resumed, at("2025-03-05T12:00"));
        assertFalse(status.paused());
        assertEquals(at("2025-03-05T17:00"), status.dueAt());
        // 45 h of waiting added to the calendar deadline too
        assertEquals(at("2025-03-05T15:00"), status.calendarDueAt());
        assertEquals(List.of(70, 90), evaluator.crossed(resumed, at("2025-03-05T16:30")));
    }

    @Test
    void aStoppedClockIsMetOrLateAndCrossesNothingMore() {
        SlaClock onTime = firstResponse8h().stop(at("2025-03-04T09:30"));
        SlaStatus met = evaluator.evaluate(onTime, at("2025-03-10T12:00"));
        assertEquals(Boolean.TRUE, met.met());
        assertEquals(List.of(70, 90), evaluator.crossed(onTime, at("2025-03-10T12:00")));
        assertEquals(Optional.empty(), evaluator.nextThresholdAt(onTime, at("2025-03-04T09:30")));

        SlaClock atDeadline = firstResponse8h().stop(at("2025-03-04T10:00"));
        assertEquals(Boolean.TRUE, evaluator.evaluate(atDeadline, at("2025-03-05T10:00")).met());

        SlaClock late = firstResponse8h().stop(at("2025-03-04T11:00"));
        assertEquals(Boolean.FALSE, evaluator.evaluate(late, at("2025-03-05T10:00")).met());
        assertEquals(Duration.ofHours(9), evaluator.evaluate(late, at("2025-03-05T10:00")).workingElapsed());
    }

    @Test
    void stoppingWhilePausedClosesThePause() {
        SlaClock clock = firstResponse8h().pause(at("2025-03-03T11:00")).stop(at("2025-03-03T12:00"));
        assertFalse(clock.isPaused());
        assertEquals(Duration.ofHours(1), evaluator.evaluate(clock, at("2025-03-05T12:00")).workingElapsed());
    }

    @Test
    void resolutionInWorkingDaysAcrossAShortDayAndAShiftedHoliday() {
        SlaClock clock = evaluator.start(SlaClockKind.RESOLUTION, 1, WorkTarget.days(8), at("2025-03-03T10:00"));
        // 3, 4, 5, 6, 7 (short) March, 10 March off, 11–14 March: 63 working hours
        assertEquals(Duration.ofHours(63), clock.workingTarget());
        SlaStatus status = evaluator.evaluate(clock, at("2025-03-03T10:00"));
        assertEquals(at("2025-03-14T10:00"), status.dueAt());
        assertEquals(at("2025-03-11T10:00"), status.calendarDueAt());
    }
}
