package ru.otklik.common;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * A transaction PostgreSQL aborted to break a deadlock ({@code 40P01}) or a serialization conflict ({@code 40001}):
 * nothing of it was kept, so work that is idempotent runs again instead of answering 500. Concurrent feeders of one
 * new source met a deadlock now and then (ConcurrentIngestTest, 2026-12-05): their statements take rows in key
 * order, but the foreign-key checks and near-duplicate links between batches in flight can still cross.
 */
public final class TransactionConflict {

    /** Attempts after the first: a deadlock between two batches is gone once one of them has committed. */
    public static final int RETRIES = 3;

    private static final Set<String> STATES = Set.of("40P01", "40001");

    private TransactionConflict() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && STATES.contains(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The transaction run again, up to {@link #RETRIES} times, when PostgreSQL aborted it for a conflict. The
     * {@code Uni} must start a new transaction on each subscription ({@code Pool.withTransaction} does).
     */
    public static <T> Uni<T> retried(Uni<T> transaction) {
        return transaction.onFailure(TransactionConflict::isCause).retry().atMost(RETRIES);
    }
}
