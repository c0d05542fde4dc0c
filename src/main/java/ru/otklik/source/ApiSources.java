package ru.otklik.source;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.otklik.common.SqlTime;

/**
 * The sources external feeders name: an unknown key becomes a source of kind {@code api}. Two feeders naming the
 * same new key at the same moment both succeed: the insert that loses the race waits for the winner and skips,
 * and the select that follows sees the winner's row.
 */
public final class ApiSources {

    private static final String CREATE = """
            insert into source (key, kind, origin, enabled, healthy, interval_seconds, config, last_skipped,
                                created_at, updated_at)
            select k, 'api', 'api', true, true, 900, '{}'::jsonb, '{"items": []}'::jsonb, $2, $2
            from unnest($1::text[]) as k
            where not exists (select 1 from source s where s.key = k)
            order by k
            on conflict (key) do nothing""";

    private static final String FIND = "select id, key from source where key = any($1::text[])";

    private ApiSources() {
    }

    /**
     * The id of every key, creating the unknown ones: one statement when every key is known (a feeder's sources
     * exist after its first batch), three when some are new. The keys created are looked up by a statement of
     * their own, after the insert, so a row a concurrent feeder inserted first is seen.
     */
    public static Uni<Map<String, Long>> idsOf(SqlConnection conn, Collection<String> keys, Instant now) {
        Map<String, Long> ids = new HashMap<>();
        return find(conn, keys, ids).chain(() -> {
            String[] unknown = keys.stream().filter(k -> !ids.containsKey(k)).toArray(String[]::new);
            return unknown.length == 0 ? Uni.createFrom().voidItem()
                    : conn.preparedQuery(CREATE).execute(Tuple.of(unknown, SqlTime.of(now)))
                            .chain(() -> find(conn, List.of(unknown), ids));
        }).replaceWith(ids);
    }

    private static Uni<Void> find(SqlConnection conn, Collection<String> keys, Map<String, Long> ids) {
        return conn.preparedQuery(FIND).execute(Tuple.of(keys.toArray(String[]::new))).invoke(rows -> {
            for (Row row : rows) {
                ids.put(row.getString("key"), row.getLong("id"));
            }
        }).replaceWithVoid();
    }
}
