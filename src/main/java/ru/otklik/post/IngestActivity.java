package ru.otklik.post;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ingest batches this node is storing now ({@code POST /api/posts}, a crawler's page), so that background work
 * lets them go first. Storing a post is what the service owes a feeder at once — a stored post is never lost, and
 * its analysis and near-duplicate link may follow seconds later — while the analysis of the queue is CPU-bound and
 * would otherwise take half of the cores from a burst of ingest (on two cores a burst of 10,000 posts went in at
 * 3,100–3,700 posts/s with the queue draining beside it against 6,100–8,800 with the queue paused,
 * docs/performance.md 2026-12-06). Background work waits ({@link #pause()}, {@link #awaitPause(long)}) at most
 * {@code otklik.ingest.background-wait} each time, so a flood of ingest slows it down but never stops it.
 */
@ApplicationScoped
public class IngestActivity {

    private static final CompletableFuture<Void> IDLE = CompletableFuture.completedFuture(null);

    private final Duration wait;
    private int inFlight;
    /** Completes when the batches in flight have all ended; {@link #IDLE} while none is. Written under the lock. */
    private volatile CompletableFuture<Void> idle = IDLE;

    public IngestActivity(IngestConfig config) {
        if (config.backgroundWait().isNegative()) {
            // a negative wait would fail every claim of the queue (a timer cannot fire in the past): refuse it at start
            throw new IllegalArgumentException("otklik.ingest.background-wait must be 0 or more, got "
                    + config.backgroundWait());
        }
        this.wait = config.backgroundWait();
    }

    /** Created at start, so a bad setting stops the start instead of the first claim. */
    void onStart(@Observes StartupEvent event) {
    }

    /** The work, counted as ingest in flight from its subscription until it ends (item, failure or cancellation). */
    public <T> Uni<T> tracked(Uni<T> work) {
        return Uni.createFrom().deferred(() -> {
            Batch batch = begin();
            return work.onTermination().invoke(batch::end);
        });
    }

    /** Counts one batch in flight until {@link Batch#end()}. */
    public Batch begin() {
        started();
        return new Batch();
    }

    /** A batch in flight; ending it twice counts once. */
    public final class Batch {

        private final AtomicBoolean ended = new AtomicBoolean();

        private Batch() {
        }

        public void end() {
            if (ended.compareAndSet(false, true)) {
                ended();
            }
        }
    }

    /**
     * An item once no ingest batch is in flight on this node, or after the configured wait if batches keep coming;
     * at once when none is in flight or the wait is zero. The item comes on the subscriber's Vert.x context, if it
     * has one (the last batch ends, and the timer fires, on other threads).
     */
    public Uni<Void> pause() {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> pending = idle;
            if (pending.isDone() || wait.isZero()) {
                return Uni.createFrom().voidItem();
            }
            Context context = Vertx.currentContext();
            Uni<Void> waited = Uni.createFrom().completionStage(pending.minimalCompletionStage())
                    .ifNoItem().after(wait).recoverWithItem((Void) null);
            return context == null ? waited : waited.emitOn(command -> context.runOnContext(ignored -> command.run()));
        });
    }

    /** The latest moment ({@link System#nanoTime()}) for {@link #awaitPause(long)} of work that starts now. */
    public long deadline() {
        return System.nanoTime() + wait.toNanos();
    }

    /**
     * Blocks the calling thread (a worker's, never an event loop's) while ingest batches are in flight, until
     * {@code deadline} ({@link System#nanoTime()}) at the latest: the analysis threads call it between two posts,
     * so a batch being analysed when a burst of ingest begins stops taking the cores from it.
     */
    public void awaitPause(long deadline) {
        CompletableFuture<Void> pending = idle;
        long left = deadline - System.nanoTime();
        if (pending.isDone() || left <= 0) {
            return;
        }
        try {
            pending.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // the time allowed is up: the work goes on beside the ingest
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the idle signal never fails", e);
        }
    }

    private synchronized void started() {
        if (inFlight++ == 0) {
            idle = new CompletableFuture<>();
        }
    }

    private void ended() {
        CompletableFuture<Void> ended = null;
        synchronized (this) {
            if (--inFlight == 0) {
                ended = idle;
                idle = IDLE;
            }
        }
        // outside the lock: the waiters' continuations run here
        if (ended != null) {
            ended.complete(null);
        }
    }
}
