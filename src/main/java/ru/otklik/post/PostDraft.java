package ru.otklik.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A post as a crawler or an external feeder hands it over, before it is stored.
 * Every source kind maps its own format onto this one shape.
 *
 * @param externalId       id of the post within its source (VK "owner_post", t.me message id, feed guid)
 * @param url              link to the post on its platform, if any
 * @param authorHandle     the platform's handle or id of the author (stored, pseudonymised for statistics)
 * @param authorName       display name, if the platform gives one
 * @param title            headline (news items), null for social posts
 * @param text             plain text with line breaks kept
 * @param publishedAt      when the platform says it was published
 * @param metrics          engagement counters, {@link PostMetrics#NONE} when unknown
 * @param parentExternalId external id of the post this one comments on, within the same source
 * @param raw              the source's own payload for this post, kept for audit and re-parsing
 */
public record PostDraft(
        String externalId,
        String url,
        String authorHandle,
        String authorName,
        String title,
        String text,
        Instant publishedAt,
        PostMetrics metrics,
        String parentExternalId,
        JsonNode raw) {

    public PostDraft {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(publishedAt, "publishedAt");
        metrics = metrics == null ? PostMetrics.NONE : metrics;
    }
}
