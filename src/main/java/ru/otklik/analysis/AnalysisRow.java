package ru.otklik.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import ru.otklik.common.JsonSql;

/**
 * One {@code post_analysis} row as a batch stores it. The record's components are the table's columns: the
 * insert statement is derived from them, so a new column is one new component (plus its migration).
 */
public record AnalysisRow(
        long postId,
        int postVersion,
        String lang,
        String complaint,
        Double complaintScore,
        String incidentType,
        String topic,
        Double topicScore,
        String conflict,
        Double conflictScore,
        String inappropriate,
        Double inappropriateScore,
        String sentiment,
        Double sentimentScore,
        String municipality,
        String agency,
        Double agencyScore,
        String agencyDecidedBy,
        Map<String, List<AnalysisResult.Place>> places,
        Map<String, Object> explanation,
        Long modelSetId,
        Instant analysedAt) {

    /** Inserts a batch of rows; an analysis already stored for that version of the post is kept. */
    static final String INSERT = JsonSql.insert("post_analysis", AnalysisRow.class,
            "on conflict (post_id, post_version) do nothing");

    /** {@code modelSetId}: the id of {@code r}'s model versions in {@code model_set} ({@link ModelSets}). */
    public static AnalysisRow of(long postId, int version, AnalysisResult r, long modelSetId, Instant at) {
        return new AnalysisRow(postId, version, r.lang(),
                r.complaint() == null ? null : r.complaint().label(), r.complaint() == null ? null : r.complaint().score(),
                r.incidentType(),
                r.topic() == null ? null : r.topic().label(), r.topic() == null ? null : r.topic().score(),
                r.conflict() == null ? null : r.conflict().label(), r.conflict() == null ? null : r.conflict().score(),
                r.inappropriate() == null ? null : r.inappropriate().label(),
                r.inappropriate() == null ? null : r.inappropriate().score(),
                r.sentiment() == null ? null : r.sentiment().label(), r.sentiment() == null ? null : r.sentiment().score(),
                r.municipality(),
                r.agency() == null ? null : r.agency().code(), r.agency() == null ? null : r.agency().score(),
                r.agency() == null ? null : r.agency().decidedBy(),
                // a JSON column must hold an object
                Map.of("mentions", r.places()), r.explanation(), modelSetId, at);
    }
}
