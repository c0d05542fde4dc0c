package ru.otklik.web.review;

import java.util.List;
import ru.otklik.web.Viewer;

/**
 * One flagged post as a console card: the post, its text cut into highlighted segments, who wrote it as far
 * as the viewer may know, and the model's explanation in words.
 *
 * @param author the handle and name for analysts and admins, the pseudonymous id for everyone else
 */
public record ReviewCard(FlaggedPost post, List<Segment> segments, String author, boolean authorRevealed,
                         List<Explanations.Line> explanation, String topicName, String agencyName,
                         String municipalityName) {

    public static ReviewCard of(FlaggedPost p, Viewer viewer, ReferenceNames.Catalog names, RuleHighlighter highlighter) {
        boolean reveal = viewer.canSeeAuthors() && (p.authorHandle() != null || p.authorName() != null);
        String author = reveal ? authorOf(p) : p.authorPseudonym() == null ? "автор неизвестен"
                : "псевдоним " + p.authorPseudonym().substring(0, Math.min(12, p.authorPseudonym().length()));
        return new ReviewCard(p, highlighter.segments(p.text()), author, reveal, Explanations.lines(p.explanation(), names),
                names.topic(p.topic().label()), names.agency(p.agency()), names.municipality(p.municipality()));
    }

    private static String authorOf(FlaggedPost p) {
        if (p.authorName() != null && p.authorHandle() != null) {
            return p.authorName() + " (" + p.authorHandle() + ")";
        }
        return p.authorName() != null ? p.authorName() : p.authorHandle();
    }

    /** The rubric code the form preselects: the model's, unless it found none. */
    public String topicCode() {
        String label = post.topic().label();
        return label == null || "none".equals(label) ? "" : label;
    }

    public String agencyCode() {
        return post.agency() == null ? "" : post.agency();
    }

    public String municipalityCode() {
        return post.municipality() == null ? "" : post.municipality();
    }
}
