package ru.otklik.incident.deadline;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** A stored incident (one row per clock; no clock columns if it has none) as a priority change reads it. */
    private record StoredClock(long incidentId, String topic, Instant firstResponseDueAt,
                               Instant firstResponseDueCalendarAt, Instant deadlineAt, Instant deadlineCalendarAt,
                               Long id, String kind, Integer cycle, Instant startedAt, String target,
                               Long workingTargetSeconds, String pauses, Instant pausedSince, Instant stoppedAt) {

        SlaClock toClock() {
            return SlaClockRecord.clockOf(kind, cycle, startedAt, target, workingTargetSeconds, pauses, pausedSince,
                    stoppedAt);
        }
    }

    private record IncidentId(long id) {
    }

    /**
     * A re-targeted clock with its incident's new priority and deadlines (repeated on each of the incident's
     * clocks); {@code id} is null for an incident without clocks, whose priority alone changes.
     */
    private record Retargeted(Long id, long incidentId, Integer cycle, Instant startedAt, String target,
                              Long workingTargetSeconds, String pauses, Instant pausedSince, Instant stoppedAt,
                              Instant nextCheckAt, String priority, Instant firstResponseDueAt,
                              Instant firstResponseDueCalendarAt, Instant deadlineAt, Instant deadlineCalendarAt) {
    }

    private static final String STORED_CLOCKS = """
            select i.id as incident_id, i.topic, i.first_response_due_at, i.first_response_due_calendar_at,
                   i.deadline_at, i.deadline_calendar_at, c.id, c.kind, c.cycle, c.started_at, c.target,
                   c.working_target_seconds, c.pauses, c.paused_since, c.stopped_at
            from incident i left join incident_sla_clock c on c.incident_id = i.id
            where i.id in (select r.id from %s)
            order by i.id, c.kind""".formatted(JsonSql.recordset(IncidentId.class));

    private static final String RETARGET = """
            with clocks as (
                update incident_sla_clock c set cycle = r.cycle, started_at = r.started_at, target = r.target,
                       working_target_seconds = r.working_target_seconds, pauses = r.pauses,
                       paused_since = r.paused_since, stopped_at = r.stopped_at, next_check_at = r.next_check_at
                from %1$s where c.id = r.id)
            update incident i set priority = r.priority, first_response_due_at = r.first_response_due_at,
                   first_response_due_calendar_at = r.first_response_due_calendar_at, deadline_at = r.deadline_at,
                   deadline_calendar_at = r.deadline_calendar_at
            from (select distinct on (r.incident_id) r.* from %1$s) r where i.id = r.incident_id"""
            .formatted(JsonSql.recordset(Retargeted.class));

    /**
     * Stored incidents whose priority a batch raised (incident id → its new priority): the running clocks are
     * re-targeted from their start (a higher priority gets shorter deadlines), and each incident gets its
     * priority and deadlines. Two statements for the whole batch, inside the caller's transaction: reading
     * and writing the incidents one by one as entities took five statements an incident.
     */
    public Uni<Void> onPriorityRaised(Map<Long, Priority> raised, Instant now) {
        if (raised.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<IncidentId> ids = raised.keySet().stream().map(IncidentId::new).toList();
        return sql.query(STORED_CLOCKS, ids, StoredClock.class).chain(stored -> {
            Map<Long, List<StoredClock>> byIncident = new LinkedHashMap<>();
            stored.forEach(c -> byIncident.computeIfAbsent(c.incidentId(), id -> new ArrayList<>()).add(c));
            List<Retargeted> rows = new ArrayList<>();
            byIncident.forEach((id, clocks) -> rows.addAll(retargeted(clocks, raised.get(id), now)));
            return sql.execute(RETARGET, rows).replaceWithVoid();
        });
    }

    /** One incident's clocks re-targeted to its new priority, as rows of {@link #RETARGET}. */
    private List<Retargeted> retargeted(List<StoredClock> stored, Priority priority, Instant now) {
        StoredClock first = stored.get(0);
        Incident incident = new Incident();
        incident.topic = first.topic();
        incident.priority = priority.code();
        incident.firstResponseDueAt = first.firstResponseDueAt();
        incident.firstResponseDueCalendarAt = first.firstResponseDueCalendarAt();
        incident.deadlineAt = first.deadlineAt();
        incident.deadlineCalendarAt = first.deadlineCalendarAt();
        SlaTargets targets = targetsOf(incident);
        List<StoredClock> withClocks = stored.stream().filter(c -> c.id() != null).toList();
        List<SlaClock> clocks = withClocks.stream().map(c -> retargeted(c.toClock(), targets)).toList();
        applyDeadlines(incident, clocks, now);
        if (clocks.isEmpty()) {
            return List.of(new Retargeted(null, first.incidentId(), null, null, null, null, null, null, null, null,
                    incident.priority, incident.firstResponseDueAt, incident.firstResponseDueCalendarAt,
                    incident.deadlineAt, incident.deadlineCalendarAt));
        }
        List<Retargeted> rows = new ArrayList<>();
        for (int i = 0; i < clocks.size(); i++) {
            SlaClock clock = clocks.get(i);
            rows.add(new Retargeted(withClocks.get(i).id(), first.incidentId(), clock.cycle(), clock.startedAt(),
                    clock.target().toString(), clock.workingTarget().toSeconds(), SlaClockRecord.pausesOf(clock),
                    clock.pausedSince(), clock.stoppedAt(), nextCheck(clock, now), incident.priority,
                    incident.firstResponseDueAt, incident.firstResponseDueCalendarAt, incident.deadlineAt,
                    incident.deadlineCalendarAt));
        }
        return rows;
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
