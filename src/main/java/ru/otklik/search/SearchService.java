package ru.otklik.search;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import ru.otklik.common.OtklikConfig;

/**
 * Keeps the search index in step with the database: posts are indexed after their analysis is committed and
 * are searchable at once; the index is committed every {@code otklik.search.commit-interval} and at shutdown,
 * not per batch. It is rebuilt from PostgreSQL at start when the two disagree (say, after a crash between
 * the database's commit and the index's) or on request.
 */
@ApplicationScoped
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class);
    private static final int REBUILD_PAGE = 1000;
    private static final String SELECT = """
            select p.id, s.key as source, p.title, p.text, p.published_at, a.topic, a.municipality
            from post p join source s on s.id = p.source_id
            left join lateral (select topic, municipality from post_analysis
                               where post_id = p.id order by post_version desc limit 1) a on true
            where p.analysis_state = 'done' and %s""";

    private final Pool pool;
    private final SearchIndex index;
    private final WorkerExecutor executor;

    public SearchService(Pool pool, OtklikConfig config, SearchConfig searchConfig, Vertx vertx) {
        if (searchConfig.commitInterval().isNegative() || searchConfig.commitInterval().isZero()) {
            throw new IllegalArgumentException("otklik.search.commit-interval must be positive");
        }
        this.pool = pool;
        this.index = new SearchIndex(config.dataDir().resolve("index"));
        this.executor = vertx.createSharedWorkerExecutor("otklik-search", 1);
    }

    void onStart(@Observes StartupEvent event) {
        long analysed = pool.query("select count(*) as n from post where analysis_state = 'done'").execute()
                .map(rows -> rows.iterator().next().getLong("n")).await().atMost(Duration.ofMinutes(1));
        int indexed = index.size();
        if (analysed != indexed) {
            LOG.infof("Search index holds %d posts, the database %d: rebuilding", indexed, analysed);
            rebuild().await().atMost(Duration.ofHours(1));
        }
    }

    /** Makes the indexing since the last commit durable; {@code otklik.search.commit-interval} apart. */
    @Scheduled(every = "${otklik.search.commit-interval:30s}", delayed = "${otklik.search.commit-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> commit() {
        return executor.executeBlocking(Uni.createFrom().item(() -> {
            index.commit();
            return 0;
        }), false).replaceWithVoid();
    }

    /** Indexes (or re-indexes) the given posts as the database has them now. */
    public Uni<Void> index(List<Long> postIds) {
        if (postIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(SELECT.formatted("p.id = any($1)"))
                .execute(Tuple.of(postIds.toArray(Long[]::new)))
                .map(SearchService::documents)
                .chain(docs -> executor.executeBlocking(Uni.createFrom().item(() -> {
                    index.index(docs);
                    return docs.size();
                }), false))
                .replaceWithVoid();
    }

    /** Drops the index and indexes every analysed post again; returns how many were indexed. */
    public Uni<Long> rebuild() {
        Progress progress = new Progress();
        return executor.executeBlocking(Uni.createFrom().item(() -> {
            index.clear();
            return 0L;
        }), false)
                // A repetition, not a recursion: each page chained inside the previous one kept every page's
                // documents reachable until the last, and 10^6 posts ran the 208 MB heap out at start.
                .chain(() -> Multi.createBy().repeating().uni(() -> indexPageAfter(progress)).until(more -> !more)
                        .collect().last())
                .call(this::commit)
                .map(ignored -> progress.indexed);
    }

    /** Where a rebuild has got to: the last post id indexed and how many posts so far. */
    private static final class Progress {
        long afterId;
        long indexed;
    }

    /** Indexes the next page of analysed posts; false when there was none. */
    private Uni<Boolean> indexPageAfter(Progress progress) {
        return pool.preparedQuery(SELECT.formatted("p.id > $1 order by p.id limit " + REBUILD_PAGE))
                .execute(Tuple.of(progress.afterId))
                .map(SearchService::documents)
                .chain(docs -> docs.isEmpty() ? Uni.createFrom().item(false)
                        : executor.executeBlocking(Uni.createFrom().item(() -> {
                            index.index(docs);
                            progress.afterId = docs.get(docs.size() - 1).postId();
                            progress.indexed += docs.size();
                            return true;
                        }), false));
    }

    public Uni<SearchResult> search(SearchQuery query) {
        return executor.executeBlocking(Uni.createFrom().item(() -> index.search(query)), false);
    }

    private static List<SearchDocument> documents(Iterable<Row> rows) {
        List<SearchDocument> docs = new ArrayList<>();
        for (Row r : rows) {
            docs.add(new SearchDocument(r.getLong("id"), r.getString("source"), r.getString("title"),
                    r.getString("text"), r.getOffsetDateTime("published_at").toInstant(), r.getString("topic"),
                    r.getString("municipality")));
        }
        return docs;
    }

    @PreDestroy
    void close() {
        index.close();
        executor.closeAndForget();
    }
}
