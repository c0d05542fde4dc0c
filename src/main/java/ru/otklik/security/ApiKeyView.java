package ru.otklik.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A key as the admin API shows it; {@code key} is filled only in the answer that creates it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(long id, String name, String key, String prefix, List<String> scopes, int ratePerMinute,
                         String createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
                         String revokedBy) {

    static ApiKeyView of(ApiKeyRecord k, String plainKey, int defaultRate) {
        return new ApiKeyView(k.id(), k.name(), plainKey, k.prefix(), List.copyOf(k.scopes()),
                k.ratePerMinute() == null ? defaultRate : k.ratePerMinute(), k.createdBy(), k.createdAt(),
                k.lastUsedAt(), k.revokedAt(), k.revokedBy());
    }
}
