package ru.otklik.web.review;

import java.time.Instant;
import java.util.Map;

/**
 * A post waiting for review, with the analysis of its current version. Carries the author's handle: only
 * {@link FlaggedPostView} decides who gets to see it. {@code incidentType} is {@code problem} or
 * {@code question} when the analysis found an incident; {@code inappropriate} is empty for analyses stored before
 * the inappropriate output existed (V72).
 */
public record FlaggedPost(
        long id,
        int version,
        String url,
        String sourceKey,
        String sourceTitle,
        String authorHandle,
        String authorName,
        String authorPseudonym,
        String title,
        String text,
        Instant publishedAt,
        long analysisId,
        Label complaint,
        String incidentType,
        Label topic,
        Label conflict,
        Label inappropriate,
        Label sentiment,
        String municipality,
        String agency,
        Double agencyScore,
        String agencyDecidedBy,
        Map<String, Object> explanation,
        Map<String, String> modelVersions,
        Long incidentId) {

    /** A categoriser's label and score as stored; both may be missing for a categoriser that did not run. */
    public record Label(String label, Double score) {

        public boolean present() {
            return label != null;
        }

        /** The score as a percentage for people, or an empty string. */
        public String percent() {
            return score == null ? "" : Math.round(score * 100) + " %";
        }
    }
}
