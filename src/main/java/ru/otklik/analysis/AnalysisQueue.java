package ru.otklik.analysis;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The posts waiting for analysis, kept in PostgreSQL: a post is committed before it is analysed, so a crash
 * loses nothing, and {@code SKIP LOCKED} lets several workers or nodes share the queue.
 *
 * <p>A claim names its {@link ClaimOwner}. A node's claims are in flight only during its own poll, so at the
 * start of a poll it takes back every claim of its own (a failed round's, or a crashed boot's) at once; other
 * nodes' claims come back after the claim timeout. A returned post is retried with the next batch; returned
 * twice, it is retried alone, ahead of the rest, so one post that breaks the analysis cannot hold its batch
 * back; after {@code max-attempts} it is marked {@code failed}.
 */
@ApplicationScoped
public class AnalysisQueue {

    private static final Logger LOG = Logger.getLogger(AnalysisQueue.class);

    private static final String CLAIM = """
            with retry as (select id from post where analysis_state = 'pending' and analysis_attempts > 1
                           order by id limit 1 for update skip locked),
                 fresh as (select id from post where analysis_state = 'pending' and analysis_attempts <= 1
                             and not exists (select 1 from retry)
                           order by id limit $1 for update skip locked)
            update post set analysis_state = 'claimed', claimed_at = now(), claim_node = $2, claim_boot = $3,
                            analysis_attempts = analysis_attempts + 1
            where id in (select id from retry union all select id from fresh)
            returning id, version, coalesce(title || E'\\n', '') || text as body""";

    private static final String RETURN = """
            update post set analysis_state = case when analysis_attempts >= $3 then 'failed' else 'pending' end,
                            claimed_at = null, claim_node = null, claim_boot = null
            where analysis_state = 'claimed'
              and (claim_node = $1 or claimed_at < now() - make_interval(secs => $2))
            returning analysis_state""";

    private final Pool pool;
    private final AnalysisConfig config;
    private final ClaimOwner owner;

    public AnalysisQueue(Pool pool, AnalysisConfig config, ClaimOwner owner) {
        this.pool = pool;
        this.config = config;
        this.owner = owner;
    }

    public Uni<List<ClaimedPost>> claim() {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize(), owner.node(), owner.boot())).map(rows -> {
            List<ClaimedPost> claimed = new ArrayList<>();
            for (Row row : rows) {
                claimed.add(new ClaimedPost(row.getLong("id"), row.getInteger("version"), row.getString("body")));
            }
            return claimed;
        });
    }

    /**
     * Returns to the queue this node's claims and other nodes' claims older than the claim timeout. None of this
     * node's claims is in flight then: it is called before each poll and after a failed round, and the poll
     * never overlaps itself.
     */
    public Uni<Integer> releaseStale() {
        return pool.preparedQuery(RETURN)
                .execute(Tuple.of(owner.node(), config.claimTimeout().toSeconds(), config.maxAttempts()))
                .map(rows -> {
                    int failed = 0;
                    for (Row row : rows) {
                        failed += "failed".equals(row.getString("analysis_state")) ? 1 : 0;
                    }
                    if (failed > 0) {
                        LOG.errorf("%d posts failed analysis %d times and are marked failed", failed, config.maxAttempts());
                    }
                    return rows.rowCount();
                });
    }
}
