package ru.otklik.incident;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.otklik.common.JsonSql;
import ru.otklik.incident.priority.PrioritySignals;
import ru.otklik.incident.sla.SlaClock;

/**
 * The set-based statements that store a batch's incidents: one statement each for the new incidents' ids,
 * the new incidents, the memberships, the joined incidents' counters and the events, whatever the batch size.
 */
@ApplicationScoped
public class IncidentWrites {

    /** An incident opened by the batch, as inserted. */
    record IncidentRow(long id, String status, String topic, String incidentType, String agencyCode, String municipalityCode,
                       String priority, String title, Instant firstSeenAt, Instant lastSeenAt,
                       Instant firstResponseDueAt, Instant deadlineAt, Instant firstResponseDueCalendarAt,
                       Instant deadlineCalendarAt, int postCount, long reach, double conflictScore, int growth,
                       Instant createdAt, Instant updatedAt) {

        static IncidentRow of(Incident i) {
            return new IncidentRow(i.id, i.status, i.topic, i.incidentType, i.agencyCode, i.municipalityCode, i.priority, i.title,
                    i.firstSeenAt, i.lastSeenAt, i.firstResponseDueAt, i.deadlineAt, i.firstResponseDueCalendarAt,
                    i.deadlineCalendarAt, i.postCount, i.reach, i.conflictScore, i.growth, i.createdAt, i.updatedAt);
        }
    }

    /**
     * A membership carries its post's publication time and version (V76), so an incident's recent posts are counted,
     * and its latest posts listed for grouping, without {@code post}.
     */
    record MemberRow(long incidentId, long postId, int postVersion, Instant addedAt, Instant publishedAt) {
    }

    record EventRow(long incidentId, String type, String actor, String reason, Map<String, Object> payload, Instant at) {
    }

    /**
     * What the batch adds to an incident that existed before it: counts and reach add up, the conflict score
     * and the first/last sightings widen, growth is counted again over the incident's posts, and a problem post
     * makes a question incident a problem.
     */
    record JoinRow(long id, int added, boolean problem, long reach, double conflictScore, Instant firstSeenAt, Instant lastSeenAt,
                   Instant now, Instant growthFrom) {
    }

    /** A joined incident after the update: its priority and the signals that may raise it. */
    public record Joined(long id, String priority, long reach, double conflictScore, int growth) {

        public PrioritySignals signals() {
            return new PrioritySignals(conflictScore, reach, growth);
        }
    }

    private record Count(int n) {
    }

    private record Id(long id) {
    }

    private static final String ALLOCATE = """
            select nextval(pg_get_serial_sequence('incident', 'id')) as id
            from %s""".formatted(JsonSql.recordset(Count.class));
    private static final String INSERT_INCIDENTS = JsonSql.insert("incident", IncidentRow.class, "");
    private static final String INSERT_MEMBERS = JsonSql.insert("incident_post", MemberRow.class, "");
    private static final String INSERT_EVENTS = JsonSql.insert("incident_event", EventRow.class, "");
    private static final String JOIN = """
            update incident i set post_count = i.post_count + r.added, reach = i.reach + r.reach,
                   incident_type = case when r.problem then 'problem' else i.incident_type end,
                   conflict_score = greatest(i.conflict_score, r.conflict_score),
                   first_seen_at = least(i.first_seen_at, r.first_seen_at),
                   last_seen_at = greatest(i.last_seen_at, r.last_seen_at), updated_at = r.now,
                   growth = (select count(*) from incident_post m
                             where m.incident_id = i.id and m.published_at > r.growth_from)
            from %s where i.id = r.id
            returning i.id, i.priority, i.reach, i.conflict_score, i.growth""".formatted(JsonSql.recordset(JoinRow.class));

    /** What a batch writes, gathered in the batch's order before the statements run. */
    static final class Batch {
        private final Instant now;
        private final List<IncidentRow> incidents = new ArrayList<>();
        private final Map<Long, List<SlaClock>> clocks = new LinkedHashMap<>();
        private final List<MemberRow> members = new ArrayList<>();
        private final List<EventRow> events = new ArrayList<>();

        Batch(Instant now) {
            this.now = now;
        }

        void incident(Incident incident, List<SlaClock> incidentClocks) {
            incidents.add(IncidentRow.of(incident));
            clocks.put(incident.id, incidentClocks);
        }

        void member(long incidentId, long postId, int postVersion, Instant publishedAt) {
            members.add(new MemberRow(incidentId, postId, postVersion, now, publishedAt));
        }

        void event(long incidentId, String type, String reason, Map<String, Object> payload) {
            events.add(new EventRow(incidentId, type, IncidentService.SYSTEM, reason, payload, now));
        }

        Map<Long, List<SlaClock>> clocks() {
            return Collections.unmodifiableMap(clocks);
        }
    }

    private final JsonSql sql;

    public IncidentWrites(JsonSql sql) {
        this.sql = sql;
    }

    /** Ids for the incidents the batch opens, taken up front so memberships and events can name them. */
    Uni<List<Long>> allocateIds(int n) {
        if (n == 0) {
            return Uni.createFrom().item(List.of());
        }
        List<Count> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Count(i));
        }
        return sql.query(ALLOCATE, rows, Id.class).map(ids -> ids.stream().map(Id::id).toList());
    }

    /** The new incidents, then every membership of the batch. */
    Uni<Void> insertIncidents(Batch batch) {
        Uni<Integer> incidents = batch.incidents.isEmpty() ? Uni.createFrom().item(0)
                : sql.execute(INSERT_INCIDENTS, batch.incidents);
        return incidents.chain(() -> batch.members.isEmpty() ? Uni.createFrom().item(0)
                : sql.execute(INSERT_MEMBERS, batch.members)).replaceWithVoid();
    }

    /** Updates the incidents the batch joined (after their memberships are in); returns their new signals. */
    Uni<List<Joined>> join(List<JoinRow> rows) {
        return rows.isEmpty() ? Uni.createFrom().item(List.of()) : sql.query(JOIN, rows, Joined.class);
    }

    Uni<Void> insertEvents(Batch batch) {
        return batch.events.isEmpty() ? Uni.createFrom().voidItem()
                : sql.execute(INSERT_EVENTS, batch.events).replaceWithVoid();
    }
}
