package ru.otklik.common;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Rounds of queue work, one at a time. A worker is woken both by a database NOTIFY and by a poll, often at once:
 * a wake-up while a round runs does not start a second round beside it (two rounds would claim and store
 * concurrently on one node) but asks for one more round after it, so nothing queued during the round waits for
 * the next poll.
 */
public final class Rounds {

    private final Supplier<Uni<?>> round;
    private final Consumer<Throwable> onFailure;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Set when a wake-up came during a round, so the round is followed by another. */
    private final AtomicBoolean wokenDuringRound = new AtomicBoolean();

    /**
     * @param round     one round: claims and processes until the queue is empty; called on the waking thread
     * @param onFailure what a failed round leaves behind (a log line); the next wake-up starts a new round
     */
    public Rounds(Supplier<Uni<?>> round, Consumer<Throwable> onFailure) {
        this.round = round;
        this.onFailure = onFailure;
    }

    /** Starts a round unless one is running; a running round is told to go once more. */
    public void wake() {
        if (!running.compareAndSet(false, true)) {
            wokenDuringRound.set(true);
            return;
        }
        wokenDuringRound.set(false);
        Uni.createFrom().deferred(round)
                .onTermination().invoke(() -> running.set(false))
                .subscribe().with(done -> {
                    if (wokenDuringRound.getAndSet(false)) {
                        wake();
                    }
                }, onFailure);
    }
}
