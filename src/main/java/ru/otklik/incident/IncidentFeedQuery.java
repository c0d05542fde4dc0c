package ru.otklik.incident;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import ru.otklik.common.SqlTime;

/**
 * Reads one page of the incident feed, incidents and their post ids, in one statement: keyset on the change
 * sequence, so a page costs the same however many incidents there are. The SQL lives in {@code feed-page.sql}
 * beside this class, so the benchmark runs exactly what the service runs ({@link #forPgbench()});
 * {@link IncidentFeedJson} writes the rows.
 */
@ApplicationScoped
public class IncidentFeedQuery {

    /** Up to the asked number of incident rows of a walk, newest first, with their positions in it. */
    public record Page(long snapshot, List<Row> incidents, long[] positions) {

        /** The cursor of the page after the first {@code size} incidents, or null when no incident follows them. */
        String next(int size) {
            return incidents.size() > size ? new SnapshotCursor(snapshot, positions[size - 1]).encode() : null;
        }
    }

    static final String PAGE = resource("feed-page.sql");
    private static final String FILTERS = "/* filters */";

    private final Pool pool;

    public IncidentFeedQuery(Pool pool) {
        this.pool = pool;
    }

    /** The newest change number: the snapshot of a new walk, and what a feed's ETag is made of. */
    public Uni<Long> latestChange() {
        return pool.preparedQuery(LATEST_CHANGE).execute().map(rows -> rows.iterator().next().getLong("seq"));
    }

    static final String LATEST_CHANGE = "select coalesce(max(seq), 0) as seq from incident_change";

    public Uni<Page> page(IncidentFilter filter, SnapshotCursor cursor, int limit) {
        List<Object> params = new ArrayList<>(List.of(cursor.snapshot(), cursor.position(), limit));
        StringBuilder where = new StringBuilder();
        condition(where, params, "i.status = $", filter.status());
        condition(where, params, "i.topic = $", filter.topic());
        condition(where, params, "i.agency_code = $", filter.agency());
        condition(where, params, "i.agency_code = $", filter.agencyScope());
        condition(where, params, "i.municipality_code = $", filter.municipality());
        condition(where, params, "i.updated_at >= $", SqlTime.of(filter.updatedSince()));
        return pool.preparedQuery(PAGE.replace(FILTERS, where)).execute(Tuple.from(params)).map(rows -> {
            int position = rows.columnsNames().indexOf("position");
            List<Row> incidents = new ArrayList<>(rows.size());
            long[] positions = new long[rows.size()];
            for (Row row : rows) {
                positions[incidents.size()] = row.getLong(position);
                incidents.add(row);
            }
            return new Page(cursor.snapshot(), incidents, positions);
        });
    }

    /**
     * The first page of an unfiltered walk as a pgbench script ({@code bench/feed-page.sql}): the snapshot query
     * and the page query, with pgbench variables for the numbered parameters.
     */
    static String forPgbench() {
        String page = PAGE.lines().filter(l -> !l.startsWith("--")).reduce((a, b) -> a + "\n" + b).orElseThrow()
                .replace(" " + FILTERS, "")
                .replace("$1", ":snapshot").replace("$2", ":after").replace("$3", ":limit");
        return """
                -- The first page of GET /api/incidents?limit=50 as the service runs it: IncidentFeedQuery's snapshot
                -- query, then src/main/resources/ru/otklik/incident/feed-page.sql without filters (limit + 1 rows:
                -- the extra one tells that a next page exists). IncidentFeedSqlTest keeps this file equal to it.
                \\set limit 51
                \\set after 9223372036854775807
                %s \\gset snapshot_
                \\set snapshot :snapshot_seq
                %s;
                """.formatted(LATEST_CHANGE, page);
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null) {
            params.add(value);
            where.append(" and ").append(sql).append(params.size());
        }
    }

    private static String resource(String name) {
        try (InputStream in = IncidentFeedQuery.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
