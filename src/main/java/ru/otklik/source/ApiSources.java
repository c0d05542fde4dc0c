package ru.otklik.source;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
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

    /** The id of every key, creating the unknown ones, in two statements whatever the number of keys. */
    public static Uni<Map<String, Long>> idsOf(SqlConnection conn, Collection<String> keys, Instant now) {
        String[] array = keys.toArray(String[]::new);
        return conn.preparedQuery(CREATE).execute(Tuple.of(array, SqlTime.of(now)))
                .chain(() -> conn.preparedQuery(FIND).execute(Tuple.of(array)))
                .map(rows -> {
                    Map<String, Long> ids = new HashMap<>();
                    for (Row row : rows) {
                        ids.put(row.getString("key"), row.getLong("id"));
                    }
                    return ids;
                });
    }
}
