package ru.otklik.analysis;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The posts waiting for analysis, kept in PostgreSQL: a post is committed before it is analysed, so a crash
 * loses nothing, and {@code SKIP LOCKED} lets several workers or nodes share the queue.
 */
@ApplicationScoped
public class AnalysisQueue {

    private static final String CLAIM = """
            update post set analysis_state = 'claimed', claimed_at = now()
            where id in (select id from post where analysis_state = 'pending'
                         order by id limit $1 for update skip locked)
            returning id, version, coalesce(title || E'\\n', '') || text as body""";

    private static final String RELEASE_STALE = """
            update post set analysis_state = 'pending', claimed_at = null
            where analysis_state = 'claimed' and claimed_at < now() - make_interval(secs => $1)""";

    private final Pool pool;
    private final AnalysisConfig config;

    public AnalysisQueue(Pool pool, AnalysisConfig config) {
        this.pool = pool;
        this.config = config;
    }

    public Uni<List<ClaimedPost>> claim() {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize())).map(rows -> {
            List<ClaimedPost> claimed = new ArrayList<>();
            for (Row row : rows) {
                claimed.add(new ClaimedPost(row.getLong("id"), row.getInteger("version"), row.getString("body")));
            }
            return claimed;
        });
    }

    /** Returns to the queue the posts of a worker that died mid-batch. */
    public Uni<Integer> releaseStale() {
        return pool.preparedQuery(RELEASE_STALE).execute(Tuple.of(config.claimTimeout().toSeconds()))
                .map(rows -> rows.rowCount());
    }
}
