package ru.otklik.incident.deadline;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import ru.otklik.alert.AlertCandidate;
import ru.otklik.alert.AlertKind;
import ru.otklik.alert.AlertService;
import ru.otklik.incident.Incident;
import ru.otklik.incident.IncidentEvent;
import ru.otklik.incident.sla.EscalationThresholds;
import ru.otklik.incident.sla.SlaClock;
import ru.otklik.incident.sla.SlaEvaluator;
import ru.otklik.incident.sla.SlaStatus;

/**
 * Fires SLA warnings (70 %, 90 %) and the overdue escalation. Its state is in the database — each
 * clock's next check time, and one row per fired threshold under a unique constraint — so a restart
 * neither loses nor repeats an alert, and two nodes racing for one threshold produce one alert.
 */
@ApplicationScoped
public class EscalationScheduler {

    private static final Logger LOG = Logger.getLogger(EscalationScheduler.class);
    static final String ACTOR = "sla-scheduler";
    /** Clocks per round and transaction; a backlog (after downtime) is worked off over the next ticks. */
    private static final int BATCH = 500;

    private final SlaEvaluator evaluator;
    private final DeadlineService deadlines;
    private final Clock clock;
    private final AlertService alerts;

    public EscalationScheduler(SlaEvaluator evaluator, DeadlineService deadlines, Clock clock, AlertService alerts) {
        this.evaluator = evaluator;
        this.deadlines = deadlines;
        this.clock = clock;
        this.alerts = alerts;
    }

    @Scheduled(every = "${otklik.sla.check-interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return escalate(clock.instant())
                .onFailure().invoke(e -> LOG.error("SLA escalation round failed; it is retried on the next tick", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Checks every clock due by {@code now}; returns how many alerts were written. */
    public Uni<Integer> escalate(Instant now) {
        return Panache.withTransaction(() -> SlaClockRecord.<SlaClockRecord>find(
                        "stoppedAt is null and nextCheckAt <= ?1 order by nextCheckAt, id", now).page(0, BATCH).list()
                .chain(records -> Multi.createFrom().iterable(records)
                        .onItem().transformToUniAndConcatenate(record -> check(record, now))
                        .collect().asList())
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }

    private Uni<Integer> check(SlaClockRecord record, Instant now) {
        SlaClock slaClock = record.toClock();
        List<Integer> crossed = evaluator.crossed(slaClock, now);
        record.nextCheckAt = deadlines.nextCheck(slaClock, now);
        SlaStatus status = evaluator.evaluate(slaClock, now);
        return Multi.createFrom().iterable(crossed)
                .onItem().transformToUniAndConcatenate(threshold -> fire(record, threshold, status, now))
                .collect().asList()
                .map(fired -> fired.stream().mapToInt(Integer::intValue).sum());
    }

    /** Claims the threshold; only the claim that inserted the row writes the alert. */
    private Uni<Integer> fire(SlaClockRecord record, int threshold, SlaStatus status, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into incident_escalation (incident_id, clock, cycle, threshold, fired_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (incident_id, clock, cycle, threshold) do nothing
                        returning id""", Long.class)
                        .setParameter(1, record.incidentId).setParameter(2, record.kind).setParameter(3, record.cycle)
                        .setParameter(4, threshold).setParameter(5, now).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(0)
                        : alert(record, ids.get(0), threshold, status, now).replaceWith(1));
    }

    /** The audit event, and an alert for the press service, the console and webhooks (once per escalation row). */
    private Uni<Void> alert(SlaClockRecord record, long escalationId, int threshold, SlaStatus status, Instant now) {
        boolean overdue = EscalationThresholds.isEscalation(threshold);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("incidentId", record.incidentId);
        payload.put("clock", record.kind);
        payload.put("cycle", record.cycle);
        payload.put("threshold", threshold);
        payload.put("dueAt", status.dueAt().toString());
        payload.put("calendarDueAt", status.calendarDueAt().toString());
        payload.put("workingElapsedMinutes", status.workingElapsed().toMinutes());
        String clockName = "first_response".equals(record.kind) ? "первого ответа" : "решения";
        String reason = overdue
                ? "Просрочен срок " + clockName + " (" + status.dueAt() + "): эскалация руководителю"
                : "Израсходовано " + threshold + " % срока " + clockName + " (срок " + status.dueAt() + ")";
        IncidentEvent event = IncidentEvent.of(record.incidentId, "alert", ACTOR, reason, now);
        event.payload = payload;
        AlertCandidate candidate = new AlertCandidate(overdue ? AlertKind.SLA_OVERDUE : AlertKind.SLA_WARNING,
                "escalation", escalationId, threshold, overdue ? 100 : threshold,
                "Инцидент №" + record.incidentId + ": " + reason);
        LOG.infof("Incident %d: %s", record.incidentId, reason);
        return event.persist()
                .chain(() -> Incident.<Incident>findById(record.incidentId))
                .chain(incident -> alerts.raiseForIncident(candidate, incident))
                .replaceWithVoid();
    }
}
