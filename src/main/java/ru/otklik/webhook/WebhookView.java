package ru.otklik.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A webhook as the admin API shows it; the secret only in the answer that registers it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(long id, String url, String secret, String description, boolean active, String createdBy,
                          Instant createdAt, String deletedBy, Instant deletedAt) {

    static WebhookView of(WebhookRecord w, boolean withSecret) {
        return new WebhookView(w.id(), w.url(), withSecret ? w.secret() : null, w.description(), w.active(),
                w.createdBy(), w.createdAt(), w.deletedBy(), w.deletedAt());
    }
}
