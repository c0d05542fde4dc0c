package ru.otklik.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import ru.otklik.alert.AlertView;
import ru.otklik.common.SqlTime;

/**
 * The outbox's state machine: pending → delivering (claimed) → delivered | pending again (retry, later) |
 * failed (given up). A row leaves {@code delivering} only through {@link #record}, or through
 * {@link #releaseStale} when the node that claimed it died.
 */
@ApplicationScoped
public class OutboxStore {

    private static final String ALERT_COLUMNS = AlertView.COLUMN_NAMES.stream()
            .map(c -> "a." + c).collect(Collectors.joining(", "));

    private final Pool pool;

    public OutboxStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Integer> releaseStale(Instant now, Duration claimTimeout) {
        return pool.preparedQuery("update outbox set state = 'pending', claimed_at = null "
                        + "where state = 'delivering' and claimed_at < $1")
                .execute(Tuple.of(SqlTime.of(now.minus(claimTimeout)))).map(rows -> rows.rowCount());
    }

    /** Claims due rows; SKIP LOCKED lets several nodes share the outbox without sending a row twice. */
    public Uni<List<ClaimedDelivery>> claim(Instant now, int limit) {
        return pool.preparedQuery("""
                        with due as (
                            select id from outbox where state = 'pending' and next_attempt_at <= $1
                            order by next_attempt_at, id limit $2 for update skip locked),
                        claimed as (
                            update outbox o set state = 'delivering', claimed_at = $1 from due where o.id = due.id
                            returning o.id, o.attempts, o.webhook_id, o.alert_id)
                        select c.id as outbox_id, c.attempts as outbox_attempts, w.id as hook_id, w.url as hook_url,
                               w.secret as hook_secret, %s
                        from claimed c join webhook w on w.id = c.webhook_id join alert a on a.id = c.alert_id
                        order by c.id""".formatted(ALERT_COLUMNS))
                .execute(Tuple.of(SqlTime.of(now), limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(r -> new ClaimedDelivery(r.getLong("outbox_id"), r.getInteger("outbox_attempts"),
                                r.getLong("hook_id"), r.getString("hook_url"), r.getString("hook_secret"), AlertView.of(r)))
                        .toList());
    }

    /**
     * Writes an attempt's outcome and its log entry in one transaction. {@code nextAttemptAt} null with a
     * failed result means the delivery is given up.
     */
    public Uni<Void> record(ClaimedDelivery d, Instant attemptedAt, DeliveryResult result, Instant nextAttemptAt) {
        int attempt = d.attempts() + 1;
        String outcome = result.delivered() ? "delivered" : nextAttemptAt == null ? "failed" : "retry";
        String state = result.delivered() ? "delivered" : nextAttemptAt == null ? "failed" : "pending";
        return pool.withTransaction(c -> c.preparedQuery("""
                                update outbox set state = $2, attempts = $3, claimed_at = null,
                                    delivered_at = $4, next_attempt_at = coalesce($5, next_attempt_at),
                                    last_status = $6, last_error = $7
                                where id = $1 and state = 'delivering'""")
                        .execute(Tuple.from(new Object[] {d.outboxId(), state, attempt,
                                result.delivered() ? SqlTime.of(attemptedAt) : null, SqlTime.of(nextAttemptAt),
                                result.status(), result.error()}))
                        .chain(() -> c.preparedQuery("""
                                        insert into webhook_delivery (outbox_id, webhook_id, alert_id, attempt, attempted_at,
                                            duration_ms, status, error, outcome)
                                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                                .execute(Tuple.from(new Object[] {d.outboxId(), d.webhookId(), d.alert().id(), attempt,
                                        SqlTime.of(attemptedAt), result.durationMs(), result.status(), result.error(),
                                        outcome}))))
                .replaceWithVoid();
    }
}
