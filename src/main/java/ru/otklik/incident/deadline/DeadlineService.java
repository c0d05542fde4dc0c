package ru.otklik.incident.deadline;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.otklik.common.JsonSql;
import ru.otklik.incident.Incident;
import ru.otklik.incident.priority.Priority;
import ru.otklik.incident.sla.ClockRules;
import ru.otklik.incident.sla.SlaClock;
import ru.otklik.incident.sla.SlaClockKind;
import ru.otklik.incident.sla.SlaConfig;
import ru.otklik.incident.sla.SlaEvaluator;
import ru.otklik.incident.sla.SlaPolicies;
import ru.otklik.incident.sla.SlaStatus;
import ru.otklik.incident.sla.SlaTargets;
import ru.otklik.incident.workflow.IncidentStatus;

/**
 * Keeps an incident's two SLA clocks and its deadline columns in step with what happens to it.
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
public class DeadlineService {

    private final JsonSql sql;
    private final SlaPolicies policies;
    private final SlaEvaluator evaluator;
    private final ClockRules clockRules;

    public DeadlineService(SlaPolicies policies, SlaEvaluator evaluator, SlaConfig config, JsonSql sql) {
        this.sql = sql;
        this.policies = policies;
        this.evaluator = evaluator;
        this.clockRules = new ClockRules(evaluator, config.onReassignment());
    }

    /** Fresh clocks for a new incident; sets its deadlines so it can be persisted. */
    public List<SlaClock> startClocks(Incident incident, Instant at) {
        SlaTargets targets = targetsOf(incident);
        List<SlaClock> clocks = List.of(evaluator.start(SlaClockKind.FIRST_RESPONSE, 1, targets.firstResponse(), at),
                evaluator.start(SlaClockKind.RESOLUTION, 1, targets.resolution(), at));
        applyDeadlines(incident, clocks, at);
        return clocks;
    }

    /** A row of {@code incident_sla_clock} as a batch inserts it. */
    private record ClockRow(long incidentId, String kind, int cycle, Instant startedAt, String target,
                            long workingTargetSeconds, String pauses, Instant pausedSince, Instant stoppedAt,
                            Instant nextCheckAt) {
    }

    private static final String INSERT_CLOCKS = JsonSql.insert("incident_sla_clock", ClockRow.class, "");

    /** Stores the clocks of newly inserted incidents (incident id → its clocks) in one statement. */
    public Uni<Void> insertNew(Map<Long, List<SlaClock>> clocksByIncident, Instant now) {
        List<ClockRow> rows = new ArrayList<>();
        clocksByIncident.forEach((incidentId, clocks) -> clocks.forEach(clock -> {
            SlaClockRecord r = new SlaClockRecord().set(clock);
            rows.add(new ClockRow(incidentId, r.kind, r.cycle, r.startedAt, r.target, r.workingTargetSeconds,
                    r.pauses, r.pausedSince, r.stoppedAt, nextCheck(clock, now)));
        }));
        return rows.isEmpty() ? Uni.createFrom().voidItem() : sql.execute(INSERT_CLOCKS, rows).replaceWithVoid();
    }

    /**
     * A not yet stored incident's clocks re-targeted to its raised priority, as {@link #onPriorityChange}
     * does for a stored one; sets its deadlines.
     */
    public List<SlaClock> retarget(Incident incident, List<SlaClock> clocks, Instant now) {
        SlaTargets targets = targetsOf(incident);
        List<SlaClock> retargeted = clocks.stream().map(clock -> retargeted(clock, targets)).toList();
        applyDeadlines(incident, retargeted, now);
        return retargeted;
    }

    public Uni<List<SlaClockRecord>> records(long incidentId) {
        return SlaClockRecord.list("incidentId = ?1 order by kind", incidentId);
    }

    /** Both clocks evaluated now, for the API. */
    public Uni<List<SlaStatus>> status(long incidentId, Instant now) {
        return records(incidentId).map(rs -> rs.stream().map(r -> evaluator.evaluate(r.toClock(), now)).toList());
    }

    /** Applies a status change to both clocks by {@link ClockRules}. */
    public Uni<Void> onStatusChange(Incident incident, IncidentStatus from, IncidentStatus to, boolean reassigned, Instant at) {
        SlaTargets targets = targetsOf(incident);
        return update(incident, at, clock -> clockRules.onStatusChange(clock, from, to, reassigned, targets, at));
    }

    /** An official reply found in the comments: the first-response clock stops at the reply's time. */
    public Uni<Void> firstResponse(Incident incident, Instant at, Instant now) {
        return update(incident, now, clock -> clock.kind() == SlaClockKind.FIRST_RESPONSE ? clock.stop(at) : clock);
    }

    /** A priority change re-targets the running clocks from their start: a higher priority gets shorter deadlines. */
    public Uni<Void> onPriorityChange(Incident incident, Instant now) {
        SlaTargets targets = targetsOf(incident);
        return update(incident, now, clock -> retargeted(clock, targets));
    }

    private SlaClock retargeted(SlaClock clock, SlaTargets targets) {
        return clock.isStopped() ? clock : evaluator.retarget(clock, targets.of(clock.kind()));
    }

    private Uni<Void> update(Incident incident, Instant now, java.util.function.UnaryOperator<SlaClock> change) {
        return records(incident.id).map(records -> {
            List<SlaClock> clocks = new ArrayList<>();
            for (SlaClockRecord record : records) {
                SlaClock clock = change.apply(record.toClock());
                record.set(clock);
                record.nextCheckAt = nextCheck(clock, now);
                clocks.add(clock);
            }
            applyDeadlines(incident, clocks, now);
            return null;
        }).replaceWithVoid();
    }

    /** Paused and stopped clocks need no look until something changes them. */
    Instant nextCheck(SlaClock clock, Instant now) {
        if (clock.isPaused()) {
            return null;
        }
        Optional<Instant> next = evaluator.nextThresholdAt(clock, now);
        return next.orElse(null);
    }

    private void applyDeadlines(Incident incident, List<SlaClock> clocks, Instant now) {
        for (SlaClock clock : clocks) {
            SlaStatus status = evaluator.evaluate(clock, now);
            if (clock.kind() == SlaClockKind.FIRST_RESPONSE) {
                incident.firstResponseDueAt = status.dueAt();
                incident.firstResponseDueCalendarAt = status.calendarDueAt();
            } else {
                incident.deadlineAt = status.dueAt();
                incident.deadlineCalendarAt = status.calendarDueAt();
            }
        }
    }

    private SlaTargets targetsOf(Incident incident) {
        return policies.targetsFor(incident.topic, Priority.fromCode(incident.priority));
    }
}
