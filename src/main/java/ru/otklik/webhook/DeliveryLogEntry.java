package ru.otklik.webhook;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import ru.otklik.common.SqlTime;

/**
 * One delivery attempt.
 *
 * @param status  the receiver's HTTP status, null when no answer came (timeout, refused connection)
 * @param outcome {@code delivered}, {@code retry} (another attempt is scheduled) or {@code failed} (given up)
 */
public record DeliveryLogEntry(long id, long alertId, long outboxId, int attempt, Instant attemptedAt, int durationMs,
                               Integer status, String error, String outcome) {

    static final String COLUMNS = "id, alert_id, outbox_id, attempt, attempted_at, duration_ms, status, error, outcome";

    static DeliveryLogEntry of(Row r) {
        return new DeliveryLogEntry(r.getLong("id"), r.getLong("alert_id"), r.getLong("outbox_id"),
                r.getInteger("attempt"), SqlTime.get(r, "attempted_at"), r.getInteger("duration_ms"),
                r.getInteger("status"), r.getString("error"), r.getString("outcome"));
    }
}
