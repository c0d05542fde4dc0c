package ru.otklik.rating;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.otklik.incident.Incident;
import ru.otklik.incident.deadline.SlaClockRecord;
import ru.otklik.incident.sla.SlaClockKind;
import ru.otklik.incident.sla.SlaEvaluator;
import ru.otklik.incident.sla.SlaStatus;

/**
 * Loads the facts ratings are computed from. Working times come from the SLA clocks, so waiting for
 * the author is not counted against the agency. Duplicates are left out: their complaints count in
 * the incident they were merged into. Nothing about authors is read.
 */
@ApplicationScoped
public class RatingFacts {

    private final SlaEvaluator evaluator;

    public RatingFacts(SlaEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Facts of the incidents received in [from, to), evaluated as of {@code now}. */
    public Uni<List<IncidentFact>> load(Instant from, Instant to, Instant now) {
        return Incident.<Incident>list("createdAt >= ?1 and createdAt < ?2 and status <> 'duplicate'", from, to)
                .chain(incidents -> of(incidents, now));
    }

    /** Facts of these incidents, in their order, evaluated as of {@code now}; one query for their clocks. */
    public Uni<List<IncidentFact>> of(List<Incident> incidents, Instant now) {
        if (incidents.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return SlaClockRecord.<SlaClockRecord>list("incidentId in ?1", incidents.stream().map(i -> i.id).toList())
                .map(records -> {
                    Map<Long, Map<String, SlaClockRecord>> clocks = records.stream().collect(Collectors.groupingBy(
                            r -> r.incidentId, Collectors.toMap(r -> r.kind, r -> r)));
                    return incidents.stream().map(i -> fact(i, clocks.getOrDefault(i.id, Map.of()), now)).toList();
                });
    }

    private IncidentFact fact(Incident incident, Map<String, SlaClockRecord> clocks, Instant now) {
        SlaStatus firstResponse = status(clocks.get(SlaClockKind.FIRST_RESPONSE.code()), now);
        SlaStatus resolution = status(clocks.get(SlaClockKind.RESOLUTION.code()), now);
        boolean resolved = incident.resolvedAt != null;
        return new IncidentFact(incident.id, incident.agencyCode, incident.municipalityCode, incident.topic, incident.createdAt,
                incident.firstResponseAt, incident.resolvedAt,
                incident.firstResponseAt != null && firstResponse != null ? firstResponse.workingElapsed() : null,
                resolved && resolution != null ? resolution.workingElapsed() : null,
                onTime(firstResponse), resolved || resolution == null || resolution.overdue() ? onTime(resolution) : null,
                incident.rating, incident.reopenCount > 0, incident.satisfaction);
    }

    private SlaStatus status(SlaClockRecord record, Instant now) {
        return record == null ? null : evaluator.evaluate(record.toClock(), now);
    }

    /** Met or missed once known; a running clock past its deadline is already missed. */
    private static Boolean onTime(SlaStatus status) {
        if (status == null) {
            return null;
        }
        if (status.met() != null) {
            return status.met();
        }
        return status.overdue() ? Boolean.FALSE : null;
    }
}
