package ru.otklik.incident;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
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
 * Reads one page of the incident feed in one statement and one round trip: the newest change number (the ETag),
 * the walk's snapshot, and the page's incidents with their post ids, by keyset on the change sequence, so a page
 * costs the same however many incidents there are. The SQL lives in {@code feed-page.sql} beside this class, so the
 * benchmark runs exactly what the service runs ({@link #forPgbench()}); {@link IncidentFeedJson} writes the rows.
 */
@ApplicationScoped
public class IncidentFeedQuery {

    /**
     * A page as read: the newest change number, the snapshot the walk is pinned to, and up to the asked number of
     * incident rows (newest first) with their positions in the walk.
     */
    public record Page(long latest, long snapshot, List<Row> incidents, long[] positions) {

        /** The cursor of the page after the first {@code size} incidents, or null when no incident follows them. */
        String next(int size) {
            return incidents.size() > size ? new SnapshotCursor(snapshot, positions[size - 1]).encode() : null;
        }
    }

    static final String PAGE = resource("feed-page.sql");
    private static final String FILTERS = "/* filters */";
    /** The snapshot parameter of a new walk: the statement pins it to the newest change it reads. */
    private static final long NEW_WALK = 0;

    private final Pool pool;

    public IncidentFeedQuery(Pool pool) {
        this.pool = pool;
    }

    /**
     * The newest change number alone, as in a page's ETag: a conditional request reads it first, so an unchanged
     * feed answers 304 without reading a page.
     */
    public Uni<Long> latestChange() {
        return pool.preparedQuery(LATEST_CHANGE).execute().map(rows -> rows.iterator().next().getLong("seq"));
    }

    static final String LATEST_CHANGE = "select coalesce(max(seq), 0) as seq from incident_change";

    /** The page after {@code cursor} (null: the first page of a new walk), at most {@code limit} incidents. */
    public Uni<Page> page(IncidentFilter filter, SnapshotCursor cursor, int limit) {
        List<Object> params = new ArrayList<>(List.of(cursor == null ? NEW_WALK : cursor.snapshot(),
                cursor == null ? Long.MAX_VALUE : cursor.position(), limit));
        StringBuilder where = new StringBuilder();
        condition(where, params, "i.status = $", filter.status());
        condition(where, params, "i.topic = $", filter.topic());
        condition(where, params, "i.agency_code = $", filter.agency());
        condition(where, params, "i.agency_code = $", filter.agencyScope());
        condition(where, params, "i.municipality_code = $", filter.municipality());
        condition(where, params, "i.updated_at >= $", SqlTime.of(filter.updatedSince()));
        return pool.preparedQuery(PAGE.replace(FILTERS, where)).execute(Tuple.from(params)).map(IncidentFeedQuery::page);
    }

    private static Page page(RowSet<Row> rows) {
        int latest = rows.columnsNames().indexOf("latest");
        int snapshot = rows.columnsNames().indexOf("snapshot");
        int id = rows.columnsNames().indexOf("id");
        int position = rows.columnsNames().indexOf("position");
        List<Row> incidents = new ArrayList<>(rows.size());
        long[] positions = new long[rows.size()];
        Row first = null;
        for (Row row : rows) {
            first = first == null ? row : first;
            // an empty page is one row without an incident, which carries the change numbers
            if (row.getValue(id) != null) {
                positions[incidents.size()] = row.getLong(position);
                incidents.add(row);
            }
        }
        return new Page(first.getLong(latest), first.getLong(snapshot), incidents, positions);
    }

    /**
     * The first page of an unfiltered walk as a pgbench script ({@code bench/feed-page.sql}): the page statement, with
     * pgbench variables for the numbered parameters.
     */
    static String forPgbench() {
        String page = PAGE.lines().filter(l -> !l.startsWith("--")).reduce((a, b) -> a + "\n" + b).orElseThrow()
                .replace(" " + FILTERS, "")
                .replace("$1", ":snapshot").replace("$2", ":after").replace("$3", ":limit");
        return """
                -- The first page of GET /api/incidents?limit=50 as the service runs it: one statement, the newest change
                -- number and the page (src/main/resources/ru/otklik/incident/feed-page.sql without filters; snapshot 0:
                -- a new walk; limit + 1 rows: the extra one tells that a next page exists). IncidentFeedSqlTest keeps
                -- this file equal to it.
                \\set snapshot %d
                \\set after 9223372036854775807
                \\set limit 51
                %s;
                """.formatted(NEW_WALK, page);
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
