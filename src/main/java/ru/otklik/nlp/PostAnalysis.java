package ru.otklik.nlp;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import ru.otklik.common.Votes;
import ru.otklik.nlp.categorize.Prediction;

/**
 * The analysis of one post, in the shape of the JSONL contract of {@code analyze}. For a post that is not
 * Russian only {@code id}, {@code lang} and {@code modelVersions} are filled: it is stored, not analysed.
 *
 * @param complaint     {@code complaint} when the post is an incident (docs/incident-guideline.md), else
 *                      {@code none}: decided by {@link IncidentDecider}, the model's own answer is in the
 *                      explanation
 * @param incidentType  {@code problem} (ИМ's «Решаемый») or {@code question} («Информационный») for an
 *                      incident, {@code null} otherwise
 * @param topic         the rubric topic, decided by {@link IncidentDecider} (model or rules)
 * @param conflict      {@code conflict} (toxicity, a quarrel, a threat) or {@code none}
 * @param inappropriate {@code inappropriate} (Skoltech's sense: a message on a sensitive topic that may harm the
 *                      speaker's reputation, often calm) or {@code none}; its own model, not the conflict one
 *                      (docs/nlp.md, "The inappropriate output")
 * @param modelVersions model name → version of every model that took part, so a stored analysis can
 *                      always say which models produced it
 */
@JsonPropertyOrder({"id", "lang", "complaint", "incidentType", "topic", "conflict", "inappropriate", "sentiment", "places", "agency",
        "explanation", "modelVersions"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PostAnalysis(String id, String lang, LabelScore complaint, String incidentType, LabelScore topic, LabelScore conflict,
                           LabelScore inappropriate, LabelScore sentiment, List<Place> places, AgencyDecision agency,
                           Explanation explanation, Map<String, String> modelVersions) {

    /** True when the post went through the whole pipeline (it is Russian). */
    public boolean analysed() {
        return complaint != null;
    }

    /** The post's municipality: the one its places name most (ties to the first named), or {@code null}. */
    @JsonIgnore
    public String municipality() {
        return places == null ? null : Votes.winner(places.stream().map(Place::municipality)
                .filter(Objects::nonNull).toList()).orElse(null);
    }

    /** The same analysis with another agency decision. */
    public PostAnalysis withAgency(AgencyDecision other) {
        return new PostAnalysis(id, lang, complaint, incidentType, topic, conflict, inappropriate, sentiment, places, other,
                explanation, modelVersions);
    }

    /** A categoriser's label with its probability. */
    public record LabelScore(String label, double score) {
    }

    /**
     * A place mentioned in the post.
     *
     * @param municipality the Tula oblast municipality it resolves to, or {@code null}
     */
    public record Place(String text, String type, String municipality) {
    }

    /**
     * The agency to route to, and what decided it: {@code rule} (an analyst's Monitor rule), {@code routing}
     * (topic × municipality table) or {@code model} (learned from labelled history).
     */
    public record AgencyDecision(String name, double score, @JsonProperty("decided_by") String decidedBy) {
    }

    /**
     * Why the analysis came out as it did.
     *
     * @param topFeatures  per categoriser, the features that pushed hardest towards its label
     * @param matchedRules ids of the analyst rules that matched
     * @param entities     every entity the name finder and gazetteer found, with offsets
     * @param complaintDecidedBy {@code model} or {@code rule}: what made {@code complaint}
     * @param modelComplaint the complaint model's own label and probability
     * @param topicDecidedBy {@code model} or {@code rule}: what chose {@code topic}
     * @param modelTopic     the topic model's own label and probability
     */
    public record Explanation(Map<String, List<Prediction.FeatureWeight>> topFeatures, List<String> matchedRules,
                              List<ExplainedEntity> entities, String complaintDecidedBy, LabelScore modelComplaint,
                              String topicDecidedBy, LabelScore modelTopic) {
    }

    /** An entity with its position in the cleaned text and where it came from (ner or gazetteer). */
    public record ExplainedEntity(String text, String type, int start, int end, String source) {
    }
}
