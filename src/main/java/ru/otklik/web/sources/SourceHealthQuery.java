package ru.otklik.web.sources;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

/** Every source with its crawl state and how much it delivered; failing sources first. */
@ApplicationScoped
public class SourceHealthQuery {

    private static final String SQL = """
            select s.id, s.key, s.kind, s.title, s.url, s.enabled, s.healthy, s.last_run_at, s.last_success_at, s.last_error_at,
                   s.last_skipped::text as last_skipped,
                   s.last_error, s.consecutive_failures, s.next_run_at, s.interval_seconds,
                   count(p.id) filter (where p.fetched_at >= $1) as posts_day, count(p.id) as posts_total
            from source s left join post p on p.source_id = s.id
            group by s.id
            order by s.enabled desc, s.healthy asc, s.consecutive_failures desc, s.key""";

    private final Pool pool;
    private final Clock clock;

    public SourceHealthQuery(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<List<SourceHealth>> all() {
        OffsetDateTime dayAgo = clock.instant().minusSeconds(86_400).atOffset(ZoneOffset.UTC);
        return pool.preparedQuery(SQL).execute(Tuple.of(dayAgo)).map(rows -> {
            List<SourceHealth> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new SourceHealth(r.getLong("id"), r.getString("key"), r.getString("kind"), r.getString("title"),
                        r.getString("url"), r.getBoolean("enabled"), r.getBoolean("healthy"), time(r, "last_run_at"),
                        time(r, "last_success_at"), time(r, "last_error_at"), r.getString("last_error"),
                        r.getInteger("consecutive_failures"), time(r, "next_run_at"), r.getInteger("interval_seconds"),
                        skipped(r.getString("last_skipped")), r.getLong("posts_day"),
                        r.getLong("posts_total")));
            }
            return out;
        });
    }

    /** {@code {"items": ["reason", …]}} as written by the crawler. */
    private static List<String> skipped(String json) {
        if (json == null) {
            return List.of();
        }
        JsonArray items = new JsonObject(json).getJsonArray("items");
        return items == null ? List.of() : items.stream().map(String::valueOf).toList();
    }

    private static Instant time(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
