package ru.otklik.post;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A post as the API shows it: the author as a pseudonym; the raw identity ({@code author}) only for roles
 * allowed to see personal data (see {@code CurrentUser.seesAuthors()}), and null after the retention period.
 */
public record PostView(
        long id,
        long sourceId,
        String externalId,
        String url,
        String authorId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Author author,
        String title,
        String text,
        Instant publishedAt,
        Instant fetchedAt,
        PostMetrics metrics,
        Long parentId,
        Long originalId,
        int version,
        String analysisState) {

    /** The author's handle and display name as the source gave them: personal data. */
    public record Author(String handle, String name) {
    }

    public static PostView of(Post p) {
        return of(p, false);
    }

    public static PostView of(Post p, boolean withAuthor) {
        Author author = withAuthor && (p.authorHandle != null || p.authorName != null)
                ? new Author(p.authorHandle, p.authorName) : null;
        return new PostView(p.id, p.sourceId, p.externalId, p.url, p.authorPseudonym, author, p.title, p.text,
                p.publishedAt, p.fetchedAt, p.metrics(), p.parentId, p.originalId, p.version, p.analysisState);
    }
}
