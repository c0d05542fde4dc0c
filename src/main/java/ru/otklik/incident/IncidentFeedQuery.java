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
import java.util.Arrays;
import java.util.List;
import ru.otklik.common.SqlTime;

/**
 * Reads one page of the incident feed, incidents and their post ids, in one statement: keyset on the change
 * sequence, so a page costs the same however many incidents there are. The SQL lives in {@code feed-page.sql}
 * beside this class, so the benchmark runs exactly what the service runs ({@link #forPgbench()}).
 */
@ApplicationScoped
public class IncidentFeedQuery {

    /** An incident of a page, its post ids and its position in the walk. */
    public record Entry(Incident incident, List<Long> postIds, long position) {
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

    public Uni<List<Entry>> page(IncidentFilter filter, SnapshotCursor cursor, int limit) {
        List<Object> params = new ArrayList<>(List.of(cursor.snapshot(), cursor.position(), limit));
        StringBuilder where = new StringBuilder();
        condition(where, params, "i.status = $", filter.status());
        condition(where, params, "i.topic = $", filter.topic());
        condition(where, params, "i.agency_code = $", filter.agency());
        condition(where, params, "i.agency_code = $", filter.agencyScope());
        condition(where, params, "i.municipality_code = $", filter.municipality());
        condition(where, params, "i.updated_at >= $", SqlTime.of(filter.updatedSince()));
        return pool.preparedQuery(PAGE.replace(FILTERS, where)).execute(Tuple.from(params)).map(rows -> {
            List<Entry> entries = new ArrayList<>(rows.size());
            int[] at = Column.positions(rows.columnsNames());
            for (Row row : rows) {
                entries.add(entry(row, at));
            }
            return entries;
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

    /**
     * The page's columns by position, looked up once per page: a lookup by name scans the column names, and a page
     * reads thirty columns of fifty rows (it was the feed's largest single cost in a profile).
     */
    private enum Column {
        ID("id"), STATUS("status"), TOPIC("topic"), INCIDENT_TYPE("incident_type"), AGENCY_CODE("agency_code"),
        MUNICIPALITY_CODE("municipality_code"), PRIORITY("priority"), TITLE("title"), FIRST_SEEN_AT("first_seen_at"),
        LAST_SEEN_AT("last_seen_at"), FIRST_RESPONSE_DUE_AT("first_response_due_at"), DEADLINE_AT("deadline_at"),
        FIRST_RESPONSE_AT("first_response_at"), RESOLVED_AT("resolved_at"), CLOSED_AT("closed_at"),
        POST_COUNT("post_count"), REACH("reach"), CONFLICT_SCORE("conflict_score"), MERGED_INTO_ID("merged_into_id"),
        FIRST_RESPONSE_DUE_CALENDAR_AT("first_response_due_calendar_at"), DEADLINE_CALENDAR_AT("deadline_calendar_at"),
        GROWTH("growth"), REOPEN_COUNT("reopen_count"), ANSWER_TEXT("answer_text"), ANSWER_URL("answer_url"),
        RATING("rating"), SATISFACTION("satisfaction"), SATISFACTION_SAMPLES("satisfaction_samples"),
        CREATED_AT("created_at"), UPDATED_AT("updated_at"), POST_IDS("post_ids"), POSITION("position");

        final String name;

        Column(String name) {
            this.name = name;
        }

        static int[] positions(List<String> names) {
            int[] at = new int[values().length];
            for (Column c : values()) {
                at[c.ordinal()] = names.indexOf(c.name);
                if (at[c.ordinal()] < 0) {
                    throw new IllegalStateException("feed-page.sql returns no column " + c.name);
                }
            }
            return at;
        }
    }

    private static Entry entry(Row r, int[] at) {
        Incident i = new Incident();
        i.id = r.getLong(at[Column.ID.ordinal()]);
        i.status = r.getString(at[Column.STATUS.ordinal()]);
        i.topic = r.getString(at[Column.TOPIC.ordinal()]);
        i.incidentType = r.getString(at[Column.INCIDENT_TYPE.ordinal()]);
        i.agencyCode = r.getString(at[Column.AGENCY_CODE.ordinal()]);
        i.municipalityCode = r.getString(at[Column.MUNICIPALITY_CODE.ordinal()]);
        i.priority = r.getString(at[Column.PRIORITY.ordinal()]);
        i.title = r.getString(at[Column.TITLE.ordinal()]);
        i.firstSeenAt = SqlTime.get(r, at[Column.FIRST_SEEN_AT.ordinal()]);
        i.lastSeenAt = SqlTime.get(r, at[Column.LAST_SEEN_AT.ordinal()]);
        i.firstResponseDueAt = SqlTime.get(r, at[Column.FIRST_RESPONSE_DUE_AT.ordinal()]);
        i.deadlineAt = SqlTime.get(r, at[Column.DEADLINE_AT.ordinal()]);
        i.firstResponseAt = SqlTime.get(r, at[Column.FIRST_RESPONSE_AT.ordinal()]);
        i.resolvedAt = SqlTime.get(r, at[Column.RESOLVED_AT.ordinal()]);
        i.closedAt = SqlTime.get(r, at[Column.CLOSED_AT.ordinal()]);
        i.postCount = r.getInteger(at[Column.POST_COUNT.ordinal()]);
        i.reach = r.getLong(at[Column.REACH.ordinal()]);
        i.conflictScore = r.getDouble(at[Column.CONFLICT_SCORE.ordinal()]);
        i.mergedIntoId = r.getLong(at[Column.MERGED_INTO_ID.ordinal()]);
        i.firstResponseDueCalendarAt = SqlTime.get(r, at[Column.FIRST_RESPONSE_DUE_CALENDAR_AT.ordinal()]);
        i.deadlineCalendarAt = SqlTime.get(r, at[Column.DEADLINE_CALENDAR_AT.ordinal()]);
        i.growth = r.getInteger(at[Column.GROWTH.ordinal()]);
        i.reopenCount = r.getInteger(at[Column.REOPEN_COUNT.ordinal()]);
        i.answerText = r.getString(at[Column.ANSWER_TEXT.ordinal()]);
        i.answerUrl = r.getString(at[Column.ANSWER_URL.ordinal()]);
        i.rating = r.getInteger(at[Column.RATING.ordinal()]);
        i.satisfaction = r.getDouble(at[Column.SATISFACTION.ordinal()]);
        i.satisfactionSamples = r.getInteger(at[Column.SATISFACTION_SAMPLES.ordinal()]);
        i.createdAt = SqlTime.get(r, at[Column.CREATED_AT.ordinal()]);
        i.updatedAt = SqlTime.get(r, at[Column.UPDATED_AT.ordinal()]);
        return new Entry(i, Arrays.asList(r.getArrayOfLongs(at[Column.POST_IDS.ordinal()])),
                r.getLong(at[Column.POSITION.ordinal()]));
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
