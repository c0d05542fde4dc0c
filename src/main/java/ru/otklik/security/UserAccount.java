package ru.otklik.security;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import ru.otklik.common.SqlTime;

/** A person who logs in: the row of {@code app_user}. */
public record UserAccount(long id, String username, String passwordHash, String displayName, Set<String> roles,
                          String agencyCode, boolean enabled, String createdBy, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS =
            "id, username, password_hash, display_name, roles, agency_code, enabled, created_by, created_at, updated_at";

    static UserAccount of(Row row) {
        return new UserAccount(row.getLong("id"), row.getString("username"), row.getString("password_hash"),
                row.getString("display_name"), parseRoles(row.getString("roles")), row.getString("agency_code"),
                row.getBoolean("enabled"), row.getString("created_by"), SqlTime.get(row, "created_at"),
                SqlTime.get(row, "updated_at"));
    }

    static Set<String> parseRoles(String stored) {
        return new TreeSet<>(Arrays.asList(stored.trim().split(" +")));
    }

    static String storeRoles(Set<String> roles) {
        return String.join(" ", new TreeSet<>(roles));
    }
}
