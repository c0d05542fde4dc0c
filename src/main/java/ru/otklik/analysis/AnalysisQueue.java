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

    /**
     * Takes the next batch: a post returned twice alone, else the oldest pending posts nobody holds. The claim
     * rows are the lock: a post another node claimed meanwhile conflicts and is left out, and the post row itself
     * is not written (only its analysis marks it).
     */
    private static final String CLAIM = """
            with retry as (select c.post_id as id from analysis_claim c join post p on p.id = c.post_id
                           where c.node is null and c.attempts > 1 and p.analysis_state = 'pending'
                           order by c.post_id limit 1),
                 fresh as (select p.id from post p
                           where p.analysis_state = 'pending' and not exists (select 1 from retry)
                             and not exists (select 1 from analysis_claim c where c.post_id = p.id
                                             and (c.node is not null or c.attempts > 1))
                           order by p.id limit $1),
                 claimed as (insert into analysis_claim as c (post_id, node, boot, claimed_at, attempts)
                             select id, $2, $3, now(), 1 from (select id from retry union all select id from fresh) n
                             on conflict (post_id) do update set node = excluded.node, boot = excluded.boot,
                                                                 claimed_at = excluded.claimed_at, attempts = c.attempts + 1
                             where c.node is null
                             returning c.post_id)
            select p.id, p.version, coalesce(p.title || E'\\n', '') || p.text as body
            from claimed join post p on p.id = claimed.post_id order by p.id""";

    /** Returns claims to the queue; a post claimed as often as allowed is marked failed instead. */
    private static final String RETURN = """
            with released as (update analysis_claim set node = null, boot = null, claimed_at = null
                              where node is not null and (node = $1 or claimed_at < now() - make_interval(secs => $2))
                              returning post_id, attempts),
                 failed as (update post p set analysis_state = 'failed' from released r
                            where p.id = r.post_id and r.attempts >= $3 and p.analysis_state = 'pending'
                            returning p.id)
            select (select count(*) from released) as released, (select count(*) from failed) as failed""";

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
                    Row row = rows.iterator().next();
                    long failed = row.getLong("failed");
                    if (failed > 0) {
                        LOG.errorf("%d posts failed analysis %d times and are marked failed", failed, config.maxAttempts());
                    }
                    return Math.toIntExact(row.getLong("released"));
                });
    }
}
