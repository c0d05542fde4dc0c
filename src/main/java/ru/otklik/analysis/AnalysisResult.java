package ru.otklik.analysis;

import java.util.List;
import java.util.Map;

/**
 * What the NLP stage concluded about one text, in the shape it is stored in ({@code post_analysis}) and
 * handed to the incident stage.
 *
 * @param lang          ISO 639-1 code of the text's language; a non-Russian text carries nothing else
 * @param complaint     {@code complaint} for an incident, {@code none} otherwise
 * @param incidentType  {@code problem} or {@code question} for an incident, null otherwise
 * @param inappropriate {@code inappropriate} or {@code none}: Skoltech's inappropriate messages, apart from conflict
 * @param municipality  code of the municipality the text is about, null when no place was found
 * @param explanation   why: top features, matched rules, entities, the routing row
 * @param modelVersions model or rule-file name → version, so a stored analysis can be traced and redone
 */
public record AnalysisResult(
        String lang,
        Label complaint,
        String incidentType,
        Label topic,
        Label conflict,
        Label inappropriate,
        Label sentiment,
        List<Place> places,
        String municipality,
        AgencyChoice agency,
        Map<String, Object> explanation,
        Map<String, String> modelVersions) {

    public static final String COMPLAINT = "complaint";
    public static final String CONFLICT = "conflict";
    public static final String NONE = "none";

    /** A categoriser's answer and its confidence in [0, 1]. */
    public record Label(String label, double score) {
    }

    /** A place mention: its text, kind (LOC, ORG, GAZETTEER…) and municipality code if resolved. */
    public record Place(String text, String type, String municipality) {
    }

    /** The responsible agency and what decided it: {@code model}, {@code routing} or {@code rule}. */
    public record AgencyChoice(String code, String name, double score, String decidedBy) {
    }

    /** Only the language: what a non-Russian post gets. */
    public static AnalysisResult languageOnly(String lang, Map<String, String> modelVersions) {
        return new AnalysisResult(lang, null, null, null, null, null, null, List.of(), null, null, Map.of(), modelVersions);
    }

    public boolean isComplaint() {
        return complaint != null && COMPLAINT.equals(complaint.label());
    }

    public double conflictScore() {
        return conflict == null ? 0 : CONFLICT.equals(conflict.label()) ? conflict.score() : 1 - conflict.score();
    }

    public boolean hasTopic() {
        return topic != null && !NONE.equals(topic.label());
    }
}
