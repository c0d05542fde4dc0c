package ru.otklik.security;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import ru.otklik.common.SqlTime;

/**
 * When each API key was last used, noted in memory on every request and written for all keys in one statement
 * every {@code otklik.security.api-keys.last-used-resolution}: authentication never writes. A crash loses at
 * most one interval of "last used", never a key or a revocation.
 */
@ApplicationScoped
public class ApiKeyUsage {

    private static final Logger LOG = Logger.getLogger(ApiKeyUsage.class);

    private static final String WRITE = """
            update api_key set last_used_at = u.at from unnest($1::bigint[], $2::timestamptz[]) as u(id, at)
            where api_key.id = u.id and (api_key.last_used_at is null or api_key.last_used_at < u.at)""";

    private final Pool pool;
    private final Map<Long, Instant> pending = new ConcurrentHashMap<>();

    public ApiKeyUsage(Pool pool) {
        this.pool = pool;
    }

    public void used(long keyId, Instant at) {
        pending.merge(keyId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Scheduled(every = "${otklik.security.api-keys.last-used-resolution}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledFlush() {
        return flush().onFailure().invoke(e -> LOG.warn("Cannot record when API keys were last used", e))
                .onFailure().recoverWithNull();
    }

    /** Writes the uses noted since the last flush; a failed write keeps them for the next one. */
    public Uni<Void> flush() {
        List<Long> ids = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (Long id : List.copyOf(pending.keySet())) {
            Instant at = pending.remove(id);
            if (at != null) {
                ids.add(id);
                times.add(SqlTime.of(at));
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(WRITE)
                .execute(Tuple.of(ids.toArray(Long[]::new), times.toArray(OffsetDateTime[]::new))).replaceWithVoid()
                .onFailure().invoke(() -> {
                    for (int i = 0; i < ids.size(); i++) {
                        used(ids.get(i), times.get(i).toInstant());
                    }
                });
    }
}
