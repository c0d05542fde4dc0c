package ru.otklik.webhook;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import ru.otklik.common.SqlTime;

/** A registered receiver of alerts. */
public record WebhookRecord(long id, String url, String secret, String description, boolean active, String createdBy,
                            Instant createdAt, String deletedBy, Instant deletedAt) {

    static final String COLUMNS = "id, url, secret, description, active, created_by, created_at, deleted_by, deleted_at";

    static WebhookRecord of(Row r) {
        return new WebhookRecord(r.getLong("id"), r.getString("url"), r.getString("secret"), r.getString("description"),
                r.getBoolean("active"), r.getString("created_by"), SqlTime.get(r, "created_at"),
                r.getString("deleted_by"), SqlTime.get(r, "deleted_at"));
    }
}
