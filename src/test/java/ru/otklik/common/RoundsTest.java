package ru.otklik.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsTest {

    /** Rounds that end only when the test says so. */
    private final List<UniEmitter<? super Integer>> open = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final Rounds rounds = new Rounds(() -> Uni.createFrom().<Integer>emitter(open::add), failures::add);

    @Test
    void wakeUpsDuringARoundStartOneMoreRoundAfterItNeverASecondBesideIt() {
        rounds.wake();
        rounds.wake();
        rounds.wake();
        assertEquals(1, open.size(), "one round at a time");

        open.get(0).complete(5);
        assertEquals(2, open.size(), "the wake-ups during the round asked for exactly one more");

        open.get(1).complete(0);
        assertEquals(2, open.size(), "no wake-up during the second round: nothing more");

        rounds.wake();
        assertEquals(3, open.size(), "an idle worker starts at once");
    }

    @Test
    void aFailedRoundIsReportedAndTheNextWakeUpStartsAFreshOne() {
        rounds.wake();
        IllegalStateException boom = new IllegalStateException("database away");
        open.get(0).fail(boom);
        assertEquals(1, failures.size());
        assertSame(boom, failures.get(0));

        rounds.wake();
        assertEquals(2, open.size());
    }
}
