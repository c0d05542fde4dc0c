package ru.otklik.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import ru.otklik.common.SqlTime;

/** Registered webhooks and their delivery log. */
@ApplicationScoped
public class WebhookStore {

    private final Pool pool;

    public WebhookStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<WebhookRecord> insert(String url, String secret, String description, String by, Instant now) {
        return pool.preparedQuery("insert into webhook (url, secret, description, created_by, created_at) "
                        + "values ($1, $2, $3, $4, $5) returning " + WebhookRecord.COLUMNS)
                .execute(Tuple.of(url, secret, description, by, SqlTime.of(now))).map(WebhookStore::first);
    }

    public Uni<List<WebhookRecord>> list() {
        return pool.query("select " + WebhookRecord.COLUMNS + " from webhook order by id").execute()
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(WebhookRecord::of).toList());
    }

    public Uni<WebhookRecord> find(long id) {
        return pool.preparedQuery("select " + WebhookRecord.COLUMNS + " from webhook where id = $1")
                .execute(Tuple.of(id)).map(WebhookStore::first);
    }

    /**
     * Stops deliveries to the webhook: it gets no new alerts, and its pending ones are cancelled. The row and
     * its log stay, for the record. Null when there is no such webhook.
     */
    public Uni<WebhookRecord> deactivate(long id, String by, Instant now) {
        return pool.withTransaction(c -> c.preparedQuery("update webhook set active = false, "
                                + "deleted_by = coalesce(deleted_by, $2), deleted_at = coalesce(deleted_at, $3) where id = $1 "
                                + "returning " + WebhookRecord.COLUMNS)
                .execute(Tuple.of(id, by, SqlTime.of(now)))
                .chain(rows -> c.preparedQuery("update outbox set state = 'cancelled' where webhook_id = $1 "
                                + "and state = 'pending'").execute(Tuple.of(id))
                        .replaceWith(first(rows))));
    }

    /** The latest attempts, newest first. */
    public Uni<List<DeliveryLogEntry>> deliveries(long webhookId, int limit) {
        return pool.preparedQuery("select " + DeliveryLogEntry.COLUMNS + " from webhook_delivery where webhook_id = $1 "
                        + "order by id desc limit $2")
                .execute(Tuple.of(webhookId, limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(DeliveryLogEntry::of).toList());
    }

    private static WebhookRecord first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? WebhookRecord.of(it.next()) : null;
    }
}
