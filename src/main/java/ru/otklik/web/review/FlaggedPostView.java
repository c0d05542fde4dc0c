package ru.otklik.web.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ru.otklik.web.Viewer;

/**
 * A flagged post as a reviewer receives it: the author's handle and name only for roles allowed to see them,
 * the pseudonymous id for everyone, and the spans to highlight.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlaggedPostView(
        long id,
        int version,
        String url,
        String source,
        String authorId,
        String authorHandle,
        String authorName,
        String title,
        String text,
        Instant publishedAt,
        FlaggedPost.Label complaint,
        String incidentType,
        FlaggedPost.Label topic,
        FlaggedPost.Label conflict,
        FlaggedPost.Label inappropriate,
        FlaggedPost.Label sentiment,
        String municipality,
        String agency,
        String agencyDecidedBy,
        Map<String, Object> explanation,
        Map<String, String> modelVersions,
        List<TextMark> marks,
        Long incidentId) {

    public static FlaggedPostView of(FlaggedPost p, Viewer viewer, List<TextMark> marks) {
        boolean authors = viewer.canSeeAuthors();
        return new FlaggedPostView(p.id(), p.version(), p.url(), p.sourceKey(), p.authorPseudonym(),
                authors ? p.authorHandle() : null, authors ? p.authorName() : null, p.title(), p.text(),
                p.publishedAt(), p.complaint(), p.incidentType(), p.topic(), p.conflict(), p.inappropriate(), p.sentiment(),
                p.municipality(), p.agency(),
                p.agencyDecidedBy(), p.explanation(), p.modelVersions(), marks, p.incidentId());
    }
}
