package ru.otklik.post;

import java.time.Instant;

/** A post as the API shows it: the author only as a pseudonym. */
public record PostView(
        long id,
        long sourceId,
        String externalId,
        String url,
        String authorId,
        String title,
        String text,
        Instant publishedAt,
        Instant fetchedAt,
        PostMetrics metrics,
        Long parentId,
        Long originalId,
        int version,
        String analysisState) {

    public static PostView of(Post p) {
        return new PostView(p.id, p.sourceId, p.externalId, p.url, p.authorPseudonym, p.title, p.text,
                p.publishedAt, p.fetchedAt, p.metrics(), p.parentId, p.originalId, p.version, p.analysisState);
    }
}
