package ru.otklik.crawler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.otklik.common.SqlTime;
import ru.otklik.crawler.dedup.NearDuplicateLinker;
import ru.otklik.post.PostIngestService;
import ru.otklik.post.UpsertOutcome;
import ru.otklik.source.SkippedItems;

/**
 * Stores one page: its posts, their duplicate links and the cursor that follows them, in one transaction.
 * A crash between two pages therefore leaves the cursor exactly at the last stored page: nothing lost,
 * and the upsert makes the re-fetched overlap harmless.
 */
@ApplicationScoped
public class CrawlStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String LOCK_SOURCE = "select last_skipped::text as last_skipped from source where id = $1 for update";

    private static final String SAVE_CURSOR = """
            update source set cursor = $2::text::jsonb, etag = coalesce($3, etag),
                   last_modified = coalesce($4, last_modified),
                   last_skipped = coalesce($5::text::jsonb, last_skipped), updated_at = $6
            where id = $1""";

    private final Pool pool;
    private final PostIngestService ingest;
    private final NearDuplicateLinker linker;
    private final Clock clock;

    public CrawlStore(Pool pool, PostIngestService ingest, NearDuplicateLinker linker, Clock clock) {
        this.pool = pool;
        this.ingest = ingest;
        this.linker = linker;
        this.clock = clock;
    }

    public Uni<CrawlCounts> storePage(long sourceId, CrawlPage page) {
        // the source row is locked first: two runs of one source cannot interleave their pages and cursors
        return pool.withTransaction(conn -> conn.preparedQuery(LOCK_SOURCE).execute(Tuple.of(sourceId))
                .chain(source -> ingest.upsert(conn, sourceId, page.drafts())
                        // after the upsert's SimHash links: an explicit repost is surer than a similar text
                        .call(outcomes -> linker.linkReposts(conn, sourceId, reposts(page, outcomes)))
                        .call(() -> conn.preparedQuery(SAVE_CURSOR).execute(Tuple.from(new Object[] {sourceId,
                                json(page.cursor()), page.etag(), page.lastModified(),
                                page.skipped().isEmpty() ? null : json(SkippedItems.prepend(lastSkipped(source),
                                        page.skipped(), 20)),
                                SqlTime.of(clock.instant())})))
                        .map(outcomes -> CrawlCounts.of(outcomes, page.skipped().size()))));
    }

    /** Repost post id → external id of its original, for the reposts stored by this page. */
    private static Map<Long, String> reposts(CrawlPage page, List<UpsertOutcome> outcomes) {
        Map<String, Long> ids = new HashMap<>();
        outcomes.stream().filter(o -> o.postId() != null).forEach(o -> ids.put(o.externalId(), o.postId()));
        Map<Long, String> reposts = new HashMap<>();
        page.reposts().forEach((repost, original) -> {
            Long id = ids.get(repost);
            if (id != null) {
                reposts.put(id, original);
            }
        });
        return reposts;
    }

    private static JsonNode lastSkipped(RowSet<Row> source) {
        var it = source.iterator();
        String text = it.hasNext() ? it.next().getString("last_skipped") : null;
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("source.last_skipped is not JSON", e);
        }
    }

    private static String json(JsonNode node) {
        return node == null ? null : node.toString();
    }
}
