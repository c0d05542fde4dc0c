package ru.otklik.nlp;

import java.util.List;

import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.rules.RuleMatch;
import ru.otklik.nlp.rules.TopicRules;

/**
 * The one place that decides whether a post is an incident, of which type, and on which topic — for the
 * service, {@code POST /api/analyze}, the {@code analyze} command and {@code evaluate} alike
 * (docs/incident-guideline.md).
 *
 * <ul>
 *   <li><b>Incident</b> ({@code complaint}): the complaint model is sure of it (probability ≥ the threshold), or
 *       an analyst's rule matched — a topic rule ({@code rules/topics.tsv}, which describes a problem) or an
 *       incident rule ({@code rules/incidents.tsv}: requests, questions and wishes addressed to authorities).
 *       The rules must keep working on sources unlike the texts the model learned from. An announcement rule
 *       (type {@code none}: planned outages, schedules, warnings) silences the model and the topic rules.</li>
 *   <li><b>Type</b>: {@code problem} when a topic rule or a problem rule matched, {@code question} when only
 *       question rules did; with no rule at all, the incident-type model when the models directory has one,
 *       otherwise a question mark without a problem rule makes it a question. {@code null} when not an
 *       incident.</li>
 *   <li><b>Topic</b>: the topic model when it is sure (p ≥ 0.5) of a rubric topic; otherwise the topic most
 *       topic rules agree on; otherwise the model's label however unsure — for an incident, its most probable
 *       rubric topic rather than {@code none}.</li>
 * </ul>
 */
public final class IncidentDecider {

    /**
     * The complaint model's probability from which a post is an incident on the model's word alone, tuned on
     * the dev part of the hand-labelled social-media set (docs/nlp.md, "Decision").
     */
    public static final double DEFAULT_THRESHOLD = 0.9;

    static final double SURE_TOPIC = 0.5;

    public static final String PROBLEM = "problem";
    public static final String QUESTION = "question";
    static final String NONE = "none";

    /**
     * What was decided and by whom ({@code model} or {@code rule}), with the models' own answers beside it.
     *
     * @param incidentType {@code problem}, {@code question}, or {@code null} when not an incident
     */
    public record Decision(LabelScore complaint, String incidentType, LabelScore topic, String complaintDecidedBy,
                           LabelScore modelComplaint, String topicDecidedBy, LabelScore modelTopic) {

        public boolean incident() {
            return incidentType != null;
        }
    }

    private final double threshold;

    public IncidentDecider(double threshold) {
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * @param modelComplaint the complaint model's label and probability
     * @param modelTopic     the topic model's label and probability
     * @param modelType      the incident-type model's label and probability, or {@code null} without one
     * @param matches        every analyst rule that matched the text
     * @param clean          the cleaned text (case kept)
     */
    public Decision decide(LabelScore modelComplaint, LabelScore modelTopic, LabelScore modelType,
                           List<RuleMatch> matches, String clean) {
        return decide(modelComplaint, modelTopic, modelTopic, modelType, matches, clean);
    }

    /**
     * @param bestRubric the topic model's most probable rubric topic (not {@code none}): an incident has a
     *                   topic, so when the model's first answer is {@code none} and no rule names one, an
     *                   incident takes this
     */
    public Decision decide(LabelScore modelComplaint, LabelScore modelTopic, LabelScore bestRubric,
                           LabelScore modelType, List<RuleMatch> matches, String clean) {
        List<RuleMatch> topicRules = TopicRules.topicMatches(matches);
        List<RuleMatch> typeMatches = TopicRules.typeMatches(matches);
        boolean modelSure = modelTopic.score() >= SURE_TOPIC && !"none".equals(modelTopic.label());
        boolean topicByModel = modelSure || topicRules.isEmpty();
        LabelScore topic = topicByModel ? modelTopic
                : new LabelScore(TopicRules.bestLabel(topicRules).orElseThrow(), 1.0);

        boolean announced = typeMatches.stream().anyMatch(m -> NONE.equals(m.label()));
        List<RuleMatch> typeRules = typeMatches.stream().filter(m -> !NONE.equals(m.label())).toList();
        // An announcement (planned outage, schedule, warning) is worded like an appeal: it silences the model,
        // not the analysts' rules for problems and questions.
        boolean byModel = !announced && "complaint".equals(modelComplaint.label())
                && modelComplaint.score() >= threshold;
        boolean byRule = !typeRules.isEmpty() || (!topicRules.isEmpty() && !announced);
        boolean incident = byModel || byRule;
        LabelScore complaint = incident
                ? new LabelScore("complaint", byModel ? modelComplaint.score() : 1.0)
                : new LabelScore("none", "none".equals(modelComplaint.label()) ? modelComplaint.score()
                        : TextAnalyzer.round(1 - modelComplaint.score()));
        String type = incident ? type(topicRules, typeRules, modelType, clean) : null;
        if (incident && topicByModel && "none".equals(topic.label()) && bestRubric != null) {
            topic = bestRubric;
        }
        String decidedBy = byModel || !(incident || announced) ? "model" : "rule";
        return new Decision(complaint, type, topic, decidedBy, modelComplaint,
                topicByModel ? "model" : "rule", modelTopic);
    }

    private static String type(List<RuleMatch> topicRules, List<RuleMatch> typeRules, LabelScore modelType,
                               String clean) {
        boolean problemRule = !topicRules.isEmpty() || typeRules.stream().anyMatch(m -> PROBLEM.equals(m.label()));
        if (problemRule) {
            return PROBLEM;
        }
        if (!typeRules.isEmpty()) {
            return QUESTION;
        }
        if (modelType != null) {
            return modelType.label();
        }
        return clean.indexOf('?') >= 0 ? QUESTION : PROBLEM;
    }
}
