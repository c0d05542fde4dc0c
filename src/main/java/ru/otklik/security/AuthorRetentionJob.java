package ru.otklik.security;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;
import ru.otklik.common.SqlTime;

/**
 * Removes raw author identities (handle, name, and the source's raw payload, which repeats them) from posts
 * stored longer ago than {@code otklik.privacy.retention}. The pseudonym stays, so statistics and incident
 * history keep working.
 */
@ApplicationScoped
public class AuthorRetentionJob {

    private static final Logger LOG = Logger.getLogger(AuthorRetentionJob.class);

    private final Pool pool;
    private final PrivacyConfig config;
    private final Clock clock;

    public AuthorRetentionJob(Pool pool, PrivacyConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${otklik.privacy.every:6h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge()
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Retention: removed raw author identities from %d posts older than %s", n,
                                config.retention());
                    }
                })
                .onFailure().invoke(e -> LOG.error("Retention run failed; it is retried at the next run", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Clears every post past the retention period, batch by batch; returns how many were cleared. */
    public Uni<Integer> purge() {
        return batch().chain(n -> n < config.batchSize() ? Uni.createFrom().item(n) : purge().map(rest -> n + rest));
    }

    private Uni<Integer> batch() {
        return pool.preparedQuery("""
                        with old as (
                            select id from post
                            where created_at < $1
                              and (author_handle is not null or author_name is not null or raw is not null)
                            limit $2 for update skip locked)
                        update post p set author_handle = null, author_name = null, raw = null
                        from old where p.id = old.id""")
                .execute(Tuple.of(SqlTime.of(clock.instant().minus(config.retention())), config.batchSize()))
                .map(rows -> rows.rowCount());
    }
}
