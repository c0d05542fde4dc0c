package ru.otklik.security;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ru.otklik.common.SqlTime;

/** A machine key as stored: never the key itself, only its hash and first characters. */
public record ApiKeyRecord(long id, String name, String prefix, Set<String> scopes, Integer ratePerMinute,
                           String createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
                           String revokedBy) {

    static final String COLUMNS =
            "id, name, prefix, scopes, rate_per_minute, created_by, created_at, last_used_at, revoked_at, revoked_by";

    static ApiKeyRecord of(Row row) {
        return new ApiKeyRecord(row.getLong("id"), row.getString("name"), row.getString("prefix"),
                new TreeSet<>(List.of(row.getString("scopes").split(" "))), row.getInteger("rate_per_minute"),
                row.getString("created_by"), SqlTime.get(row, "created_at"), SqlTime.get(row, "last_used_at"),
                SqlTime.get(row, "revoked_at"), row.getString("revoked_by"));
    }

    /** How the key appears as "who" in audit fields (acknowledged by, created by). */
    public String principalName() {
        return "api-key:" + id + ":" + name;
    }
}
