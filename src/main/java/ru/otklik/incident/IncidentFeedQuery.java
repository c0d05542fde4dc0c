package ru.otklik.incident;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the incidents of one feed page in snapshot order: each incident at its last change no later than the
 * walk's snapshot, newest first.
 */
@ApplicationScoped
public class IncidentFeedQuery {

    /** An incident id and its position in the walk. */
    public record Entry(long incidentId, long position) {
    }

    private final Pool pool;

    public IncidentFeedQuery(Pool pool) {
        this.pool = pool;
    }

    /** The newest change number: the snapshot of a new walk, and what a feed's ETag is made of. */
    public Uni<Long> latestChange() {
        return pool.query("select coalesce(max(seq), 0) as seq from incident_change").execute()
                .map(rows -> rows.iterator().next().getLong("seq"));
    }

    public Uni<List<Entry>> page(IncidentFilter filter, SnapshotCursor cursor, int limit) {
        List<Object> params = new ArrayList<>(List.of(cursor.snapshot(), cursor.position()));
        StringBuilder where = new StringBuilder("true");
        condition(where, params, "i.status = $", filter.status());
        condition(where, params, "i.topic = $", filter.topic());
        condition(where, params, "i.agency_code = $", filter.agency());
        condition(where, params, "i.agency_code = $", filter.agencyScope());
        condition(where, params, "i.municipality_code = $", filter.municipality());
        condition(where, params, "i.updated_at >= $", filter.updatedSince() == null ? null
                : filter.updatedSince().atOffset(java.time.ZoneOffset.UTC));
        params.add(limit);
        // Most incidents have not changed since the snapshot: their position is their own change_seq. Only
        // those changed mid-walk look up their last change before it; those created after it get null and drop out.
        String sql = """
                select id, position from (
                    select i.id, case when i.change_seq <= $1 then i.change_seq
                           else (select max(c.seq) from incident_change c where c.incident_id = i.id and c.seq <= $1)
                           end as position
                    from incident i where %s) p
                where p.position < $2 order by p.position desc limit $%d""".formatted(where, params.size());
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<Entry> entries = new ArrayList<>();
            for (Row row : rows) {
                entries.add(new Entry(row.getLong("id"), row.getLong("position")));
            }
            return entries;
        });
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null) {
            params.add(value);
            where.append(" and ").append(sql).append(params.size());
        }
    }
}
