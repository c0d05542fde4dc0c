package ru.otklik.analysis;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import ru.otklik.common.DatabaseUnavailable;
import ru.otklik.search.SearchService;

/**
 * Drains the analysis queue: claims a batch, analyses it on a bounded worker pool (never on the event loop),
 * stores the results, indexes them for search, and goes on until the queue is empty.
 */
@ApplicationScoped
public class AnalysisWorker {

    private static final Logger LOG = Logger.getLogger(AnalysisWorker.class);

    private final AnalysisQueue queue;
    private final AnalysisStore store;
    private final PostAnalyzer analyzer;
    private final SearchService search;
    private final WorkerExecutor executor;
    private final int workers;

    public AnalysisWorker(AnalysisQueue queue, AnalysisStore store, PostAnalyzer analyzer, SearchService search,
                          Vertx vertx, AnalysisConfig config) {
        this.queue = queue;
        this.search = search;
        this.store = store;
        this.analyzer = analyzer;
        this.workers = config.workers();
        this.executor = vertx.createSharedWorkerExecutor("otklik-analysis", workers);
    }

    @Scheduled(every = "${otklik.analysis.poll-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return queue.releaseStale()
                .chain(() -> drain())
                // the failed round's batch goes back at once; if the database is away, the next poll returns it
                .onFailure().call(e -> queue.releaseStale().onFailure().recoverWithNull())
                .onFailure().invoke(AnalysisWorker::logFailure)
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static void logFailure(Throwable e) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("Analysis paused, the database is unavailable: %s", e.toString());
        } else {
            LOG.error("Analysis round failed; its posts are back in the queue", e);
        }
    }

    /** Processes rounds until one comes back short; returns how many posts were analysed. */
    Uni<Integer> drain() {
        return round().chain(n -> n == 0 ? Uni.createFrom().item(0) : drain().map(rest -> n + rest));
    }

    private Uni<Integer> round() {
        return queue.claim().chain(posts -> posts.isEmpty() ? Uni.createFrom().item(0)
                : analyse(posts).chain(store::save)
                        .chain(() -> search.index(posts.stream().map(ClaimedPost::id).toList()))
                        .replaceWith(posts.size()));
    }

    /** Splits the batch over the worker threads; the results keep the batch's order. */
    private Uni<List<AnalysisStore.Analysed>> analyse(List<ClaimedPost> posts) {
        int chunk = Math.max(1, (posts.size() + workers - 1) / workers);
        List<Uni<List<AnalysisStore.Analysed>>> parts = new ArrayList<>();
        for (int from = 0; from < posts.size(); from += chunk) {
            List<ClaimedPost> part = posts.subList(from, Math.min(posts.size(), from + chunk));
            parts.add(executor.executeBlocking(Uni.createFrom().item(() -> part.stream()
                    .map(p -> new AnalysisStore.Analysed(p, analyzer.analyze(p.text())))
                    .toList()), false));
        }
        return Uni.join().all(parts).andFailFast()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    @PreDestroy
    void close() {
        executor.closeAndForget();
    }
}
