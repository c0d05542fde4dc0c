package ru.otklik.web.board;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ru.otklik.web.console.Deadline;

/**
 * The incident board's read model: open incidents, overdue first and then by the nearest deadline, so the
 * top of the page is always what needs attention now.
 */
@ApplicationScoped
public class IncidentBoard {

    /** Statuses in which the resolution clock no longer runs. */
    public static final Set<String> FINISHED = Set.of("resolved", "closed", "duplicate");

    /** A filter as the board's form sends it. {@code scope} is {@code open} (default) or {@code all}. */
    public record Filter(String scope, String status, String topic, String agency, String municipality) {

        public boolean all() {
            return "all".equals(scope);
        }
    }

    static final String SELECT = """
            select i.id, i.title, i.status, i.priority, i.incident_type, i.topic, t.name_ru as topic_name, i.agency_code,
                   a.name as agency_name, i.municipality_code, m.name as municipality_name, i.created_at,
                   i.updated_at, i.first_response_due_at, i.first_response_at, i.deadline_at, i.resolved_at,
                   i.closed_at, i.post_count, i.reach, i.conflict_score, i.deadline_calendar_at, i.answer_text,
                   i.answer_url
            from incident i
            left join topic t on t.code = i.topic
            left join agency a on a.code = i.agency_code
            left join municipality m on m.code = i.municipality_code
            """;

    private static final String BOARD = SELECT + """
            where ($1 or i.status not in ('resolved', 'closed', 'duplicate'))
              and ($2::text is null or i.status = $2)
              and ($3::text is null or i.topic = $3)
              and ($4::text is null or i.agency_code = $4)
              and ($5::text is null or i.municipality_code = $5)
            order by (i.status not in ('resolved', 'closed', 'duplicate') and i.deadline_at <= $6) desc,
                     i.deadline_at asc, i.id
            limit $7""";

    private final Pool pool;
    private final Clock clock;

    public IncidentBoard(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<List<BoardRow>> rows(Filter filter, int limit) {
        Instant now = clock.instant();
        Tuple args = Tuple.tuple().addBoolean(filter.all()).addString(blank(filter.status()))
                .addString(blank(filter.topic())).addString(blank(filter.agency())).addString(blank(filter.municipality()))
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)).addInteger(limit);
        return pool.preparedQuery(BOARD).execute(args).map(rows -> {
            List<BoardRow> out = new ArrayList<>();
            rows.forEach(r -> out.add(row(r, now)));
            return out;
        });
    }

    public Uni<BoardRow> one(long id) {
        Instant now = clock.instant();
        return pool.preparedQuery(SELECT + " where i.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next(), now));
    }

    static BoardRow row(Row r, Instant now) {
        Instant created = time(r, "created_at");
        boolean finished = FINISHED.contains(r.getString("status"));
        Instant firstDue = time(r, "first_response_due_at");
        Instant firstAt = time(r, "first_response_at");
        Deadline deadline = new Deadline(time(r, "deadline_at"), created, now, finished);
        Deadline first = new Deadline(firstDue, created, now, finished || firstAt != null);
        return new BoardRow(r.getLong("id"), r.getString("title"), r.getString("status"), r.getString("priority"),
                r.getString("incident_type"), r.getString("topic"), r.getString("topic_name"), r.getString("agency_code"), r.getString("agency_name"),
                r.getString("municipality_code"), r.getString("municipality_name"), created, time(r, "updated_at"),
                firstDue, firstAt, r.getInteger("post_count"), r.getLong("reach"), r.getDouble("conflict_score"),
                deadline, first, time(r, "deadline_calendar_at"), r.getString("answer_text"), r.getString("answer_url"));
    }

    private static Instant time(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
