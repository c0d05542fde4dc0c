package ru.otklik.crawler.dedup;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import ru.otklik.common.SqlTime;
import ru.otklik.crawler.CrawlerConfig;
import ru.otklik.post.IngestActivity;

/**
 * The near-duplicate step of new posts, after the ingest that stored them: the ingest queues a new post with a
 * SimHash in {@code post_unlinked} (V77), and this step, a batch at a time, links the queued posts to the earliest
 * post of their group ({@link NearDuplicateLinker#linkUnfingerprinted}), inserts their fingerprint rows with the
 * originals in them (so a copy's wide {@code post} row is written once, by the ingest) and deletes their queue rows,
 * in one transaction. So a crash between the ingest and this step leaves the posts queued for the next run, and none
 * is linked twice. Nothing that reads a post's original runs in the ingest's path (the analysis and incident
 * grouping do not read it; the API shows it), so the link may follow the commit by a tick.
 */
@ApplicationScoped
public class QueuedLinking {

    private static final Logger LOG = Logger.getLogger(QueuedLinking.class);

    /**
     * Steps run one at a time across the cluster: a step finds its candidates among the fingerprints earlier steps
     * inserted, so two steps at once would miss the copies in each other's batches.
     */
    private static final String ONE_AT_A_TIME = "select pg_advisory_xact_lock(7719770301)";

    /**
     * The oldest queued posts, their queue rows deleted, with what linking needs. A post deleted since, or whose
     * fingerprint an edit wrote first (the edit linked it), or whose text an edit made too short, needs nothing.
     * The posts are read by their ids as an array (an index lookup each): as a join of the claimed rows, whose count
     * the planner cannot know, it scanned the whole of post for every batch, as much PostgreSQL CPU as the lookup.
     */
    private static final String CLAIM = """
            with claimed as (
                delete from post_unlinked where post_id = any(array(
                    select post_id from post_unlinked order by post_id limit $1 for update))
                returning post_id)
            select p.id, p.simhash, p.published_at, p.original_id
            from post p
            where p.id = any(array(select post_id from claimed)) and p.simhash is not null
              and not exists (select 1 from post_fingerprint f where f.post_id = p.id)
            order by p.id""";

    private static final String FINGERPRINTS = """
            insert into post_fingerprint (post_id, simhash, published_at, original_id)
            select * from unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::bigint[])
            on conflict (post_id) do nothing""";

    private final Pool pool;
    private final NearDuplicateLinker linker;
    private final CrawlerConfig.Dedup config;
    private final IngestActivity ingest;

    public QueuedLinking(Pool pool, NearDuplicateLinker linker, CrawlerConfig config, IngestActivity ingest) {
        this.pool = pool;
        this.linker = linker;
        this.config = config.dedup();
        this.ingest = ingest;
    }

    @Scheduled(every = "${otklik.crawler.dedup.link-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return drain()
                .onFailure().invoke(e -> LOG.error("Near-duplicate linking failed; the posts stay queued", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Links the queued posts, batch after batch while batches come full; returns how many were linked. Each batch
     * waits for a pause in this node's ingest first ({@link IngestActivity}): the ingest's answer does not carry
     * the link, so a burst of posts is stored at the cores' full pace and linked right after.
     */
    public Uni<Integer> drain() {
        return ingest.pause().chain(() -> pool.withTransaction(this::batch))
                .chain(n -> n < config.linkBatch() ? Uni.createFrom().item(n) : drain().map(rest -> n + rest));
    }

    private Uni<Integer> batch(SqlConnection conn) {
        return conn.query(ONE_AT_A_TIME).execute()
                .chain(() -> conn.preparedQuery(CLAIM).execute(Tuple.of(config.linkBatch())))
                .chain(rows -> link(conn, rows).replaceWith(rows.rowCount()));
    }

    private Uni<Void> link(SqlConnection conn, RowSet<Row> rows) {
        List<NearDuplicateLinker.Fingerprint> posts = new ArrayList<>();
        Map<Long, Long> current = new HashMap<>();
        for (Row row : rows) {
            long id = row.getLong("id");
            posts.add(new NearDuplicateLinker.Fingerprint(id, row.getLong("simhash"), SqlTime.get(row, "published_at")));
            current.put(id, row.getLong("original_id"));
        }
        if (posts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return linker.linkUnfingerprinted(conn, posts, current)
                .chain(originals -> conn.preparedQuery(FINGERPRINTS).execute(Tuple.of(
                        posts.stream().map(NearDuplicateLinker.Fingerprint::postId).toArray(Long[]::new),
                        posts.stream().map(NearDuplicateLinker.Fingerprint::simhash).toArray(Long[]::new),
                        posts.stream().map(p -> SqlTime.of(p.publishedAt())).toArray(OffsetDateTime[]::new),
                        posts.stream().map(p -> originals.get(p.postId())).toArray(Long[]::new))))
                .replaceWithVoid();
    }
}
