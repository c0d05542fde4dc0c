package ru.otklik.incident.sla;

import java.time.Instant;
import ru.otklik.incident.workflow.IncidentStatus;

/**
 * What a status change does to one SLA clock — pure, so every rule is testable: waiting for the
 * author pauses and leaving it resumes; an answer stops the first-response clock, resolving,
 * closing or merging stops both; reopening starts a new resolution cycle; a reassignment restarts
 * running clocks when the policy says so.
 */
public final class ClockRules {

    private final SlaEvaluator evaluator;
    private final ReassignmentPolicy reassignmentPolicy;

    public ClockRules(SlaEvaluator evaluator, ReassignmentPolicy reassignmentPolicy) {
        this.evaluator = evaluator;
        this.reassignmentPolicy = reassignmentPolicy;
    }

    public SlaClock onStatusChange(SlaClock clock, IncidentStatus from, IncidentStatus to, boolean reassigned,
                                   SlaTargets targets, Instant at) {
        if (to == IncidentStatus.REOPENED && clock.kind() == SlaClockKind.RESOLUTION) {
            return evaluator.start(SlaClockKind.RESOLUTION, clock.cycle() + 1, targets.resolution(), at);
        }
        if (reassigned && reassignmentPolicy == ReassignmentPolicy.RESTART && !clock.isStopped()) {
            return evaluator.start(clock.kind(), clock.cycle() + 1, targets.of(clock.kind()), at);
        }
        SlaClock next = clock;
        if (to.pausesClocks()) {
            next = next.pause(at);
        } else if (from.pausesClocks()) {
            next = next.resume(at);
        }
        boolean stops = clock.kind() == SlaClockKind.FIRST_RESPONSE ? to.stopsFirstResponse() : to.stopsResolution();
        return stops ? next.stop(at) : next;
    }
}
