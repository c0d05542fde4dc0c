package ru.otklik.post;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The result of storing one post; {@code postId} is null only when rejected. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpsertOutcome(String externalId, UpsertStatus status, Long postId, String reason) {

    public static UpsertOutcome rejected(String externalId, String reason) {
        return new UpsertOutcome(externalId, UpsertStatus.REJECTED, null, reason);
    }

}
