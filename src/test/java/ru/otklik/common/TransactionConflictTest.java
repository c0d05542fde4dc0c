package ru.otklik.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.vertx.pgclient.PgException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A transaction PostgreSQL aborted for a deadlock or a serialization conflict runs again; anything else fails. */
class TransactionConflictTest {

    private static final PgException DEADLOCK = new PgException("deadlock detected", "ERROR", "40P01", null);
    private static final PgException SERIALIZATION = new PgException("could not serialize access", "ERROR", "40001",
            null);
    private static final PgException UNIQUE = new PgException("duplicate key value", "ERROR", "23505", null);

    @Test
    void deadlocksAndSerializationFailuresAreConflictsWhereverTheyAreWrapped() {
        assertThat(TransactionConflict.isCause(DEADLOCK)).isTrue();
        assertThat(TransactionConflict.isCause(new IllegalStateException("batch failed", SERIALIZATION))).isTrue();
        assertThat(TransactionConflict.isCause(UNIQUE)).isFalse();
        assertThat(TransactionConflict.isCause(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void anAbortedTransactionRunsAgainAndItsSecondRunAnswers() {
        AtomicInteger runs = new AtomicInteger();
        Uni<String> transaction = Uni.createFrom().deferred(() -> runs.incrementAndGet() < 3
                ? Uni.createFrom().failure(DEADLOCK) : Uni.createFrom().item("stored"));

        TransactionConflict.retried(transaction).subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertItem("stored");
        assertThat(runs).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRepeatedAndRetriesEnd() {
        AtomicInteger runs = new AtomicInteger();
        TransactionConflict.retried(Uni.createFrom().deferred(() -> {
            runs.incrementAndGet();
            return Uni.createFrom().failure(UNIQUE);
        })).subscribe().withSubscriber(UniAssertSubscriber.create()).assertFailedWith(PgException.class);
        assertThat(runs).hasValue(1);

        AtomicInteger deadlocked = new AtomicInteger();
        TransactionConflict.retried(Uni.createFrom().deferred(() -> {
            deadlocked.incrementAndGet();
            return Uni.createFrom().<String>failure(DEADLOCK);
        })).subscribe().withSubscriber(UniAssertSubscriber.create()).assertFailedWith(PgException.class);
        assertThat(deadlocked).hasValue(1 + TransactionConflict.RETRIES);
    }
}
