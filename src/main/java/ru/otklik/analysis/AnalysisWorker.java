package ru.otklik.analysis;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import ru.otklik.alert.DatabaseNotifications;
import ru.otklik.common.DatabaseUnavailable;
import ru.otklik.common.Rounds;
import ru.otklik.incident.grouping.TermVector;
import ru.otklik.post.IngestActivity;
import ru.otklik.search.SearchService;

/**
 * Drains the analysis queue: claims a batch, analyses it on a bounded worker pool (never on the event loop),
 * stores the results, indexes them for search, and goes on until the queue is empty. Storing a batch (I/O)
 * overlaps analysing the next one (CPU), so the workers need not wait for the database; batches are still
 * stored one after the other, in claim order, so grouping sees every earlier batch. A round starts when a
 * queued post is notified by PostgreSQL at its commit (on every node), and on a poll as a fallback.
 */
@ApplicationScoped
public class AnalysisWorker {

    private static final Logger LOG = Logger.getLogger(AnalysisWorker.class);

    private final AnalysisQueue queue;
    private final AnalysisStore store;
    private final PostAnalyzer analyzer;
    private final SearchService search;
    private final DatabaseNotifications notifications;
    private final IngestActivity ingest;
    private final io.vertx.core.Vertx vertx;
    private final WorkerExecutor executor;
    private final int workers;
    private final Rounds rounds = new Rounds(this::round, AnalysisWorker::logFailure);

    public AnalysisWorker(AnalysisQueue queue, AnalysisStore store, PostAnalyzer analyzer, SearchService search,
                          DatabaseNotifications notifications, IngestActivity ingest, Vertx vertx,
                          AnalysisConfig config) {
        this.queue = queue;
        this.search = search;
        this.store = store;
        this.analyzer = analyzer;
        this.notifications = notifications;
        this.ingest = ingest;
        this.vertx = vertx.getDelegate();
        this.workers = config.workers();
        this.executor = vertx.createSharedWorkerExecutor("otklik-analysis", workers);
    }

    void onStart(@Observes StartupEvent event) {
        notifications.channel(DatabaseNotifications.POST_QUEUED).subscribe()
                .with(n -> wake(), e -> LOG.error("Post notifications stopped; the analysis queue is still polled", e));
    }

    @Scheduled(every = "${otklik.analysis.poll-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Starts a round unless one is running; a running round is told to go once more. */
    public void wake() {
        rounds.wake();
    }

    /**
     * One round on a fresh duplicated context: Hibernate Reactive only runs on a context marked safe (isolated),
     * and a fresh duplicate is not marked yet. Rounds never overlap, so when one starts none of this node's claims
     * is in flight: it first takes back what a killed run or a failed round left claimed (and other nodes' claims
     * past the timeout).
     */
    private Uni<Integer> round() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().<Integer>emitter(emitter -> context.runOnContext(ignored ->
                queue.releaseStale().onFailure().recoverWithNull()
                        .chain(() -> drain())
                        // a failed round's batches (one storing, the next analysed) go back at once; if the
                        // database is away, the next round returns them
                        .onFailure().call(e -> queue.releaseStale().onFailure().recoverWithNull())
                        .subscribe().with(emitter::complete, emitter::fail)));
    }

    private static void logFailure(Throwable e) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("Analysis paused, the database is unavailable: %s", e.toString());
        } else {
            LOG.error("Analysis round failed; its posts are back in the queue", e);
        }
    }

    /** Processes batches until a claim comes back empty; returns how many posts were analysed. */
    Uni<Integer> drain() {
        return Uni.createFrom().deferred(() -> {
            Pipeline pipeline = new Pipeline();
            // a repetition, not a recursion: each step's batch is released once it is stored. Chaining the next
            // step inside the previous one kept every batch of a round (texts and analyses) reachable until the
            // queue was empty: 5,000 queued posts filled the heap and the JVM spent the drain in full GCs.
            return Multi.createBy().repeating().uni(() -> step(pipeline)).until(more -> !more)
                    .collect().last()
                    .chain(() -> pipeline.storing)
                    .map(ignored -> pipeline.done);
        });
    }

    /** The batch being stored while the next one is analysed, and how many posts the round has analysed. */
    private static final class Pipeline {
        Uni<Void> storing = Uni.createFrom().voidItem();
        int done;
    }

    /**
     * Claims and analyses the next batch while the previous one is being stored, then starts storing this one
     * once the previous is done; false when the queue is empty. The claim, the analysis between two posts and the
     * storing each wait for a pause in this node's ingest first (IngestActivity).
     */
    private Uni<Boolean> step(Pipeline pipeline) {
        return ingest.pause().chain(queue::claim).chain(posts -> posts.isEmpty() ? Uni.createFrom().item(false)
                : Uni.combine().all().unis(timed("analysed", posts.size(), analyse(posts)), pipeline.storing).asTuple()
                .map(analysed -> {
                    pipeline.storing = started(ingest.pause().chain(() -> store(analysed.getItem1())));
                    pipeline.done += posts.size();
                    return true;
                }));
    }

    /**
     * Stores the batch; its search indexing, after the commit, runs beside storing the next batch (the index
     * has its own thread, and a crash before it is healed by the start-up check).
     */
    private Uni<Void> store(List<AnalysisStore.Analysed> batch) {
        return timed("stored", batch.size(), store.save(batch)).invoke(() -> index(batch));
    }

    private void index(List<AnalysisStore.Analysed> batch) {
        timed("indexed", batch.size(), search.index(batch.stream().map(a -> a.post().id()).toList()))
                .subscribe().with(ignored -> { },
                        e -> LOG.error("Cannot index an analysed batch; POST /api/search/rebuild or a restart restores it", e));
    }

    /** Logs at DEBUG how long a stage took for a batch: where a slow queue spends its time. */
    private static <T> Uni<T> timed(String stage, int posts, Uni<T> work) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return work.invoke(() -> LOG.debugf("Batch of %d %s in %d ms", (Object) posts, stage,
                    (System.nanoTime() - start) / 1_000_000));
        });
    }

    /** Starts the work now and lets a later subscriber wait for its outcome. */
    private static Uni<Void> started(Uni<Void> work) {
        Uni<Void> shared = work.memoize().indefinitely();
        shared.subscribe().with(ignored -> { }, failure -> { });
        return shared;
    }

    /**
     * Splits the batch over the worker threads; the results keep the batch's order. Between two posts a thread
     * waits while this node ingests, for the batch's allowance at most.
     */
    private Uni<List<AnalysisStore.Analysed>> analyse(List<ClaimedPost> posts) {
        int chunk = Math.max(1, (posts.size() + workers - 1) / workers);
        long yieldUntil = ingest.deadline();
        List<Uni<List<AnalysisStore.Analysed>>> parts = new ArrayList<>();
        for (int from = 0; from < posts.size(); from += chunk) {
            List<ClaimedPost> part = posts.subList(from, Math.min(posts.size(), from + chunk));
            parts.add(executor.executeBlocking(Uni.createFrom().item(() -> part.stream().map(p -> {
                ingest.awaitPause(yieldUntil);
                return analysed(p);
            }).toList()), false));
        }
        return Uni.join().all(parts).andFailFast()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private AnalysisStore.Analysed analysed(ClaimedPost p) {
        return AnalysisStore.Analysed.of(p, analyzer.analyze(p.text()));
    }

    @PreDestroy
    void close() {
        executor.closeAndForget();
    }
}
