package ru.otklik.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The analysis queue's pause waits for the ingest batches in flight, and for no longer than it is allowed. */
class IngestActivityTest {

    private final IngestActivity activity = new IngestActivity(() -> Duration.ofHours(1));

    @Test
    void pauseEndsWhenTheLastBatchInFlightEnds() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        UniAssertSubscriber<String> one = activity.tracked(Uni.createFrom().completionStage(first))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> two = activity.tracked(Uni.createFrom().completionStage(second))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        UniAssertSubscriber<Void> pause = activity.pause().subscribe()
                .withSubscriber(UniAssertSubscriber.create());
        pause.assertNotTerminated();

        first.complete("stored");
        one.assertItem("stored");
        pause.assertNotTerminated(); // one batch is still in flight

        second.completeExceptionally(new IllegalStateException("refused"));
        two.assertFailedWith(IllegalStateException.class, "refused");
        pause.assertCompleted();
    }

    @Test
    void noPauseWithoutIngestOrWhenTurnedOff() {
        activity.pause().subscribe().withSubscriber(UniAssertSubscriber.create()).assertCompleted();

        IngestActivity turnedOff = new IngestActivity(() -> Duration.ZERO);
        turnedOff.tracked(Uni.createFrom().completionStage(new CompletableFuture<String>()))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        turnedOff.pause().subscribe().withSubscriber(UniAssertSubscriber.create()).assertCompleted();
    }

    @Test
    void aNegativeWaitIsRefused() {
        assertThatThrownBy(() -> new IngestActivity(() -> Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("otklik.ingest.background-wait");
    }

    @Test
    void aBatchEndedTwiceCountsOnce() {
        IngestActivity.Batch request = activity.begin();
        IngestActivity.Batch other = activity.begin();
        request.end();
        request.end();
        activity.pause().subscribe().withSubscriber(UniAssertSubscriber.create()).assertNotTerminated();
        other.end();
        activity.pause().subscribe().withSubscriber(UniAssertSubscriber.create()).assertCompleted();
    }

    @Test
    void aWorkerThreadWaitsForTheBatchInFlightOrItsDeadline() throws Exception {
        activity.awaitPause(Long.MAX_VALUE); // nothing in flight: at once
        IngestActivity.Batch request = activity.begin();
        activity.awaitPause(System.nanoTime()); // the deadline has passed: at once

        CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> activity.awaitPause(Long.MAX_VALUE));
        Thread.sleep(100);
        assertThat(waited).as("waits while the batch is in flight").isNotDone();
        request.end();
        waited.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aCancelledBatchEndsItsPart() {
        UniAssertSubscriber<String> batch = activity.tracked(Uni.createFrom().completionStage(new CompletableFuture<String>()))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Void> pause = activity.pause().subscribe()
                .withSubscriber(UniAssertSubscriber.create());
        pause.assertNotTerminated();

        batch.cancel();
        pause.assertCompleted();
    }

    @Test
    void aFloodOfIngestDelaysTheQueueOnlyAsLongAsAllowed() {
        IngestActivity shortWait = new IngestActivity(() -> Duration.ofMillis(20));
        shortWait.tracked(Uni.createFrom().completionStage(new CompletableFuture<String>()))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        shortWait.pause().subscribe().withSubscriber(UniAssertSubscriber.create()).awaitItem(Duration.ofSeconds(30));
        // the batch is still in flight: the next wait is as long again
        shortWait.pause().subscribe().withSubscriber(UniAssertSubscriber.create()).assertNotTerminated();
    }
}
