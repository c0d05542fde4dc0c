package ru.otklik.incident.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.otklik.incident.calendar.ProductionCalendarFile;
import ru.otklik.incident.calendar.WorkingCalendar;
import ru.otklik.incident.calendar.WorkingHours;
import ru.otklik.incident.priority.Priority;
import ru.otklik.incident.workflow.IncidentStatus;

class ClockRulesTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    private final SlaEvaluator evaluator = new SlaEvaluator(
            new WorkingCalendar(MSK, WorkingHours.DEFAULT, ProductionCalendarFile.bundled()), EscalationThresholds.DEFAULT);
    private final SlaTargets targets = SlaPolicies.DEFAULTS.get(Priority.NORMAL);
    private final Instant start = at("2025-03-03T10:00");
    private final Instant later = at("2025-03-04T12:00");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(MSK).toInstant();
    }

    private SlaClock clock(SlaClockKind kind) {
        return evaluator.start(kind, 1, targets.of(kind), start);
    }

    @Test
    void waitingPausesAndLeavingResumes() {
        ClockRules rules = new ClockRules(evaluator, ReassignmentPolicy.KEEP);
        SlaClock paused = rules.onStatusChange(clock(SlaClockKind.RESOLUTION), IncidentStatus.IN_PROGRESS,
                IncidentStatus.WAITING_FOR_AUTHOR, false, targets, later);
        assertTrue(paused.isPaused());
        SlaClock resumed = rules.onStatusChange(paused, IncidentStatus.WAITING_FOR_AUTHOR, IncidentStatus.IN_PROGRESS, false,
                targets, at("2025-03-05T12:00"));
        assertFalse(resumed.isPaused());
        assertEquals(1, resumed.pauses().size());
    }

    @Test
    void answerStopsOnlyTheFirstResponseClockAndResolutionStopsBoth() {
        ClockRules rules = new ClockRules(evaluator, ReassignmentPolicy.KEEP);
        assertTrue(rules.onStatusChange(clock(SlaClockKind.FIRST_RESPONSE), IncidentStatus.IN_PROGRESS, IncidentStatus.ANSWERED,
                false, targets, later).isStopped());
        assertFalse(rules.onStatusChange(clock(SlaClockKind.RESOLUTION), IncidentStatus.IN_PROGRESS, IncidentStatus.ANSWERED,
                false, targets, later).isStopped());
        SlaClock pausedThenResolved = rules.onStatusChange(clock(SlaClockKind.RESOLUTION).pause(start.plusSeconds(3600)),
                IncidentStatus.WAITING_FOR_AUTHOR, IncidentStatus.CLOSED, false, targets, later);
        assertTrue(pausedThenResolved.isStopped());
        assertEquals(1, pausedThenResolved.pauses().size());
    }

    @Test
    void reopeningStartsANewResolutionCycle() {
        ClockRules rules = new ClockRules(evaluator, ReassignmentPolicy.KEEP);
        SlaClock resolved = clock(SlaClockKind.RESOLUTION).stop(later);
        SlaClock reopened = rules.onStatusChange(resolved, IncidentStatus.RESOLVED, IncidentStatus.REOPENED, false, targets, later);
        assertEquals(2, reopened.cycle());
        assertEquals(later, reopened.startedAt());
        assertFalse(reopened.isStopped());
        SlaClock answered = clock(SlaClockKind.FIRST_RESPONSE).stop(later);
        assertSame(answered, rules.onStatusChange(answered, IncidentStatus.RESOLVED, IncidentStatus.REOPENED, false, targets, later));
    }

    @Test
    void reassignmentKeepsOrRestartsRunningClocks() {
        SlaClock running = clock(SlaClockKind.RESOLUTION);
        SlaClock kept = new ClockRules(evaluator, ReassignmentPolicy.KEEP)
                .onStatusChange(running, IncidentStatus.IN_PROGRESS, IncidentStatus.ASSIGNED, true, targets, later);
        assertEquals(running, kept);
        ClockRules restart = new ClockRules(evaluator, ReassignmentPolicy.RESTART);
        SlaClock restarted = restart.onStatusChange(running, IncidentStatus.IN_PROGRESS, IncidentStatus.ASSIGNED, true, targets, later);
        assertEquals(2, restarted.cycle());
        assertEquals(later, restarted.startedAt());
        SlaClock answered = clock(SlaClockKind.FIRST_RESPONSE).stop(later);
        assertSame(answered, restart.onStatusChange(answered, IncidentStatus.IN_PROGRESS, IncidentStatus.ASSIGNED, true, targets, later));
    }
}
