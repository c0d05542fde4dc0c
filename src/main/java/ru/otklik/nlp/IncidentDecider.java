package ru.otklik.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.categorize.Prediction.FeatureWeight;
import ru.otklik.nlp.rules.RuleMatch;
import ru.otklik.nlp.rules.TopicRules;
import ru.otklik.nlp.text.ContentLetters;

/**
 * The one place that decides whether a post is an incident, of which type, and on which topic — for the
 * service, {@code POST /api/analyze}, the {@code analyze} command and {@code evaluate} alike
 * (docs/incident-guideline.md).
 *
 * <ul>
 *   <li><b>Incident</b> ({@code complaint}): the models are sure of it — the complaint model (appeals against
 *       tweets and news) blended with the in-domain incident model (residents' posts against news, official
 *       replies and adverts), score ≥ the threshold — or an analyst's rule matched and the models do not both
 *       rule it out (score ≥ the {@link Blend#ruleFloor rule floor}): a topic rule ({@code rules/topics.tsv},
 *       which describes a problem) or an incident rule ({@code rules/incidents.tsv}: requests, questions and
 *       wishes addressed to authorities). The rules must keep working on sources unlike the texts the models
 *       learned from. An announcement rule (type {@code none}: planned outages, schedules, official replies,
 *       thanks) silences the models and the topic rules.</li>
 *   <li><b>Type</b>: {@code problem} when a topic rule or a problem rule matched, {@code question} when only
 *       question rules did; with no rule at all, the incident-type model when the models directory has one,
 *       otherwise a question mark without a problem rule makes it a question. {@code null} when not an
 *       incident.</li>
 *   <li><b>Topic</b>: the topic model when it is sure (p ≥ 0.5) of a rubric topic; otherwise the topic most
 *       topic rules agree on; otherwise the model's label however unsure — for an incident, its most probable
 *       rubric topic rather than {@code none}.</li>
 * </ul>
 *
 * <p>With a learned decision ({@link IncidentStack}, a models directory's {@code blend/stack.tsv}) and an incident
 * model, the incident step is that model's over the same signals — the models' logits, the rules' kinds, the
 * text's shape — at its own threshold, instead of the blend, the rule floor and the silencing; the content floor
 * still holds for a text no problem, question or topic rule matched. Type and topic are decided as above.
 */
public final class IncidentDecider {

    /**
     * The blended score (see {@link Blend}) from which a post is an incident on the models' word alone: with the
     * blend, the most cross-validated recall over the labelled dev rows at ≤ 2 % false alarms (≤ 0.5 % on tweets),
     * flagging ≥ 85 % of the real Kursk and SPb dev appeals and ≤ 0.2 % of the real tweets of the check half:
     * {@code crossval --task incident}, nlp-models/INCIDENT-CV.md, docs/nlp.md "The selection rule and a better
     * ranking", "Real tweets as a check and as hard negatives", "More informal hard negatives" and "The final retrain
     * with labellers O–R".
     */
    public static final double DEFAULT_THRESHOLD = 0.95;

    static final double SURE_TOPIC = 0.5;

    public static final String PROBLEM = "problem";
    public static final String QUESTION = "question";
    static final String NONE = "none";

    /**
     * What was decided and by whom ({@code model} or {@code rule}), with the models' own answers beside it.
     *
     * @param incidentType {@code problem}, {@code question}, or {@code null} when not an incident
     * @param reasons      with a learned decision, the signals that pushed its score up most (its explanation);
     *                     empty with the blend
     */
    public record Decision(LabelScore complaint, String incidentType, LabelScore topic, String complaintDecidedBy,
                           LabelScore modelComplaint, String topicDecidedBy, LabelScore modelTopic,
                           List<FeatureWeight> reasons) {

        public boolean incident() {
            return incidentType != null;
        }
    }

    /**
     * How the two models' answers become one score: {@code σ(w·logit p_complaint + (1 − w)·logit p_incident)},
     * and how low a second such score, with its own weight, may be for an analyst's rule still to make an
     * incident.
     *
     * @param baseWeight  weight w of the complaint model (appeals vs tweets and news) against the in-domain
     *                    incident model; 1 = the complaint model alone
     * @param ruleFloor   a rule makes an incident only when the floor score is at least this: the models sure
     *                    that a text is none (news, an official reply) overrule a rule's keywords. Only with an
     *                    incident model: the complaint model alone never overrules a rule
     * @param floorWeight the complaint model's weight in the floor score. It differs from {@code baseWeight}
     *                    because the two jobs differ: the threshold must keep tweets out, where the appeal-trained
     *                    complaint model is the surer judge, while the floor must not let that model alone veto
     *                    a matched rule on a resident's question it never saw the like of («будет ли ярмарка
     *                    вакансий…?» gets p_complaint ≈ 0)
     * @param minLetters  the fewest content letters ({@link ContentLetters}: links and mentions dropped, a run of one
     *                    letter counted once) a text needs for the models alone to flag it; a rule still may. The
     *                    models flagged real tweets «нет», «ааааа», «Ааааа.» (docs/nlp.md, "The final retrain with
     *                    labellers O–R"); the labelled set's shortest incidents have 7–10. 0: no floor
     */
    public record Blend(double baseWeight, double ruleFloor, double floorWeight, int minLetters) {

        /**
         * Chosen by {@code crossval --task incident} (nlp-models/INCIDENT-CV.md, 2026-12-05, 7,026 dev rows of twelve
         * labellers' files): the most cross-validated labelled recall at ≤ 2 % false alarms (≤ 0.5 % on tweets)
         * among the blends that flag ≥ 85 % of the real Kursk and of the real SPb dev appeals (docs/nlp.md, "The
         * selection rule and a better ranking"), with the incident model's labelled rows repeated twice at L2 0.012
         * per labelled row (five times at L2 0.002 the rule chose (0.5, 0.2, 0.2) at 0.995, at 0.006 (0.4, 0.3, 0.2)
         * at 0.99, at 0.01 this blend at 0.985, each with less recall). Chosen again with the none rules for news,
         * adverts and residents' private questions (2026-12-05, noon): the same blend, its threshold down from 0.98 to
         * 0.94 (docs/nlp.md, "Fewer false alarms from the rules"). Chosen again with a limit on real tweets (≤ 0.2 %
         * of the check half's; the blend above flagged 0.33 % of 9,648) and the incident model learning the training
         * half's tweets at 0.05 of a labelled row (2026-12-05, 12:20): (0.2, 0.2, 0.2) at 0.95 (docs/nlp.md, "Real
         * tweets as a check and as hard negatives"). Chosen again with labellers M and N (8,051 dev rows of fourteen
         * files, the tweets' weight 0, 0.05 or 0.2 on the same folds, 2026-12-05, 13:10): (0.1, 0.3, 0.2) at 0.97
         * with the tweets at 0.2 (docs/nlp.md, "The final retrain with labellers M and N"). Chosen again with the
         * incident model learning informal comments (Skoltech, RUSSE) at 0.05 of a labelled row beside the tweets
         * (2026-12-05, 15:20): (0, 0.3, 0) at 0.96 — the in-domain model alone carries the score, the complaint model
         * no longer helps the rule (docs/nlp.md, "More informal hard negatives"). Chosen again with labellers O–R
         * (10,238 dev rows of eighteen files) and the tweets at 1 (2026-12-05, 16:20): (0, 0.5, 0) at 0.95 (docs/nlp.md,
         * "The final retrain with labellers O–R"). The content floor of 6 letters (2026-12-05, 18:10; docs/nlp.md, "A
         * floor on content"): on the shipped setting's out-of-fold rows no dev row under 8 letters but one 7-letter
         * incident scores ≥ 0.5, so the labelled figures are the same at floors 0, 4 and 6 and the rule's tie goes to
         * the higher floor; on the 9,648 real tweets it takes «нет», «ааааа», «Ааааа.» off the 7 flagged, nothing else.
         * Chosen again with labellers S–X (13,622 dev rows of twenty-four files, tweets 1 or 2, floors 0, 4, 6;
         * 2026-12-05, 19:10): (0.1, 0.4, 0.2) at 0.95 with the floor of 6 and the tweets at 1 (docs/nlp.md, "The final
         * retrain with labellers S–X").
         */
        public static final Blend DEFAULT = new Blend(0.1, 0.4, 0.2, 6);

        public Blend {
            if (minLetters < 0) {
                throw new IllegalArgumentException("the content floor in letters is at least 0, got " + minLetters);
            }
        }

        /** No content floor. */
        public Blend(double baseWeight, double ruleFloor, double floorWeight) {
            this(baseWeight, ruleFloor, floorWeight, 0);
        }

        /** The floor on the same blend as the threshold, no content floor. */
        public Blend(double baseWeight, double ruleFloor) {
            this(baseWeight, ruleFloor, baseWeight);
        }

        /** This blend with another content floor. */
        public Blend withMinLetters(int letters) {
            return new Blend(baseWeight, ruleFloor, floorWeight, letters);
        }
    }

    /** How many of the learned decision's signals its explanation names. */
    static final int REASONS = 4;

    private final double threshold;
    private final Blend blend;
    private final IncidentStack stack;

    public IncidentDecider(double threshold) {
        this(threshold, Blend.DEFAULT);
    }

    public IncidentDecider(double threshold, Blend blend) {
        this(threshold, blend, null);
    }

    /**
     * @param threshold the score from which a post is an incident: the stack's probability when there is one
     * @param stack     the learned decision, or {@code null} for the blend
     */
    public IncidentDecider(double threshold, Blend blend, IncidentStack stack) {
        this.threshold = requireProbability(threshold);
        this.blend = blend;
        this.stack = stack;
    }

    /** This decider deciding by the learned {@code stack} at the stack's own threshold (the blend stays the fallback). */
    public IncidentDecider withStack(IncidentStack stack) {
        return new IncidentDecider(stack.threshold(), blend, stack);
    }

    /**
     * The decider of a models directory: its learned decision when it has one ({@code blend/stack.tsv}), else the
     * blend, each at its own threshold unless {@code threshold} moves it.
     */
    public static IncidentDecider of(Optional<IncidentStack> stack, OptionalDouble threshold) {
        IncidentDecider blended = new IncidentDecider(DEFAULT_THRESHOLD);
        IncidentDecider decider = stack.map(blended::withStack).orElse(blended);
        return threshold.isPresent() ? new IncidentDecider(threshold.getAsDouble(), decider.blend, decider.stack)
                : decider;
    }

    /**
     * A threshold is a probability in (0, 1]: 95 meant as 0.95 would silently flag nothing, 0 or less everything,
     * NaN nothing. Every decider checks it, whether its threshold comes from the configuration or a stack file.
     */
    static double requireProbability(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("an incident threshold is a probability in (0, 1], e.g. 0.9; got "
                    + threshold);
        }
        return threshold;
    }

    /** Whether the learned decision decides (else the blend). */
    public boolean learned() {
        return stack != null;
    }

    public double threshold() {
        return threshold;
    }

    /** What decides on the models' word, and from which score: for reports beside the figures it produced. */
    public String describe() {
        return String.format(Locale.ROOT, stack != null
                ? "the learned decision over the models' and rules' signals (`blend/stack.tsv`) ≥ %.3f"
                : "the complaint and incident models' blended score ≥ %.3f", threshold);
    }

    /** Without an in-domain incident model and without a best rubric (tests, older model directories). */
    public Decision decide(LabelScore modelComplaint, LabelScore modelTopic, LabelScore modelType,
                           List<RuleMatch> matches, String clean) {
        return decide(modelComplaint, null, modelTopic, modelTopic, modelType, matches, clean);
    }

    /**
     * @param modelComplaint the complaint model's label and probability
     * @param modelIncident  the in-domain incident model's label and probability, or {@code null} without one
     * @param modelTopic     the topic model's label and probability
     * @param bestRubric     the topic model's most probable rubric topic (not {@code none}): an incident has a
     *                       topic, so when the model's first answer is {@code none} and no rule names one, an
     *                       incident takes this
     * @param modelType      the incident-type model's label and probability, or {@code null} without one
     * @param matches        every analyst rule that matched the text
     * @param clean          the cleaned text (case kept)
     */
    public Decision decide(LabelScore modelComplaint, LabelScore modelIncident, LabelScore modelTopic,
                           LabelScore bestRubric, LabelScore modelType, List<RuleMatch> matches, String clean) {
        List<RuleMatch> topicRules = TopicRules.topicMatches(matches);
        List<RuleMatch> typeMatches = TopicRules.typeMatches(matches);
        boolean modelSure = modelTopic.score() >= SURE_TOPIC && !"none".equals(modelTopic.label());
        boolean topicByModel = modelSure || topicRules.isEmpty();
        LabelScore topic = topicByModel ? modelTopic
                : new LabelScore(TopicRules.bestLabel(topicRules).orElseThrow(), 1.0);

        boolean announced = typeMatches.stream().anyMatch(m -> NONE.equals(m.label()));
        List<RuleMatch> typeRules = typeMatches.stream().filter(m -> !NONE.equals(m.label())).toList();
        boolean ruleMatched = !typeRules.isEmpty() || (!topicRules.isEmpty() && !announced);
        Verdict verdict = stack != null && modelIncident != null
                ? stacked(modelComplaint, modelIncident, modelType, matches, clean, announced, ruleMatched)
                : blended(modelComplaint, modelIncident, clean, announced, ruleMatched);
        boolean incident = verdict.incident();
        String type = incident ? type(topicRules, typeRules, modelType, clean) : null;
        if (incident && topicByModel && "none".equals(topic.label()) && bestRubric != null) {
            topic = bestRubric;
        }
        return new Decision(verdict.complaint(), type, topic, verdict.decidedBy(), modelComplaint,
                topicByModel ? "model" : "rule", modelTopic, verdict.reasons());
    }

    /** The incident step's answer: the complaint label and score to show, who decided, and why. */
    private record Verdict(LabelScore complaint, String decidedBy, List<FeatureWeight> reasons) {

        boolean incident() {
            return "complaint".equals(complaint.label());
        }
    }

    /**
     * The learned decision: its probability ≥ the threshold, a text with almost no letters only with a rule. The
     * rules decided when the score without their weights would have answered otherwise.
     */
    private Verdict stacked(LabelScore modelComplaint, LabelScore modelIncident, LabelScore modelType,
                            List<RuleMatch> matches, String clean, boolean announced, boolean ruleMatched) {
        double[] x = StackFeatures.of(modelComplaint, modelIncident, modelType, matches, clean);
        double p = stack.probability(x);
        boolean incident = p >= threshold && (ruleMatched || ContentLetters.atLeast(clean, blend.minLetters()));
        boolean withoutRules = stack.probabilityWithoutRules(x) >= threshold;
        boolean byRule = incident ? !withoutRules && ruleMatched : withoutRules && announced;
        double rounded = TextAnalyzer.round(p);
        return new Verdict(incident ? new LabelScore("complaint", rounded) : new LabelScore("none", TextAnalyzer.round(1 - p)),
                byRule ? "rule" : "model", stack.reasons(x, REASONS));
    }

    /** The hand blend: the models' score ≥ the threshold unless announced, or a rule above the rule floor. */
    private Verdict blended(LabelScore modelComplaint, LabelScore modelIncident, String clean, boolean announced,
                            boolean ruleMatched) {
        double score = score(modelComplaint, modelIncident, blend.baseWeight());
        // An announcement (planned outage, schedule, warning) is worded like an appeal: it silences the models,
        // not the analysts' rules for problems and questions.
        // A text with almost no letters («нет», «ааааа») names no subject: the models alone may not flag it
        // (counted only for a text they would flag, and only up to the floor).
        boolean byModel = !announced && score >= threshold && ContentLetters.atLeast(clean, blend.minLetters());
        // The floor was chosen for the blend: the complaint model alone (an older models directory) knows
        // appeals, not residents' posts, and is not trusted to overrule a rule.
        double floor = modelIncident == null ? 0 : blend.ruleFloor();
        boolean byRule = ruleMatched && score(modelComplaint, modelIncident, blend.floorWeight()) >= floor;
        boolean incident = byModel || byRule;
        double rounded = TextAnalyzer.round(score);
        LabelScore complaint = incident
                ? new LabelScore("complaint", byModel ? rounded : 1.0)
                : new LabelScore("none", TextAnalyzer.round(1 - score));
        String decidedBy = byModel || !(incident || announced) ? "model" : "rule";
        return new Verdict(complaint, decidedBy, List.of());
    }

    /** The models' joint probability that the text is an incident (the complaint model's alone without the other). */
    static double score(LabelScore modelComplaint, LabelScore modelIncident, double w) {
        double base = complaintProbability(modelComplaint);
        if (modelIncident == null || w >= 1) {
            return base;
        }
        return 1 / (1 + Math.exp(-(w * logit(base) + (1 - w) * logit(complaintProbability(modelIncident)))));
    }

    /**
     * An incident model's answer as {@code complaint} / {@code none}: the probability of an incident is
     * 1 − p({@code none}), whatever the model's other labels ({@code complaint}, or {@code problem} and
     * {@code question}).
     */
    public static LabelScore incidentAnswer(List<String> labels, double[] probabilities) {
        int none = labels.indexOf(NONE);
        if (none < 0) {
            throw new IllegalArgumentException("an incident model needs a none label, has " + labels);
        }
        double p = probabilities[none];
        return p >= 0.5 ? new LabelScore(NONE, TextAnalyzer.round(p)) : new LabelScore("complaint", TextAnalyzer.round(1 - p));
    }

    private static double complaintProbability(LabelScore s) {
        return "complaint".equals(s.label()) ? s.score() : 1 - s.score();
    }

    /**
     * Scores are rounded to 0.001 in the analysis: 0 and 1 are clipped so that one sure model cannot veto alone (the
     * learned decision's features read the same logits).
     */
    static double logit(double p) {
        double q = Math.min(1 - 1e-4, Math.max(1e-4, p));
        return Math.log(q / (1 - q));
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
