package ru.otklik.nlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ru.otklik.common.ArgMax;
import ru.otklik.nlp.PostAnalysis.ExplainedEntity;
import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.categorize.CategorizerBank;
import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.Prediction;
import ru.otklik.nlp.features.FeatureExtractor;
import ru.otklik.nlp.features.IndexedFeatures;
import ru.otklik.nlp.ner.Entity;
import ru.otklik.nlp.place.TulaGazetteer;
import ru.otklik.nlp.routing.RoutingTable;
import ru.otklik.nlp.rules.RuleMatch;
import ru.otklik.nlp.rules.TopicRules;
import ru.otklik.nlp.text.NormalizedText;
import ru.otklik.nlp.text.TextNormalizer;

/**
 * The one analysis pipeline: normalise → language → features (once) → complaint, topic, conflict, inappropriate,
 * sentiment → places → agency. Pure (no I/O, no database) and thread-safe; the same instance serves the
 * service, {@code analyze} and the evaluation.
 */
public final class TextAnalyzer {

    /** The analysts' topic rules and incident rules, relative to the models directory. */
    public static final String RULES = "rules/topics.tsv";
    public static final String INCIDENT_RULES = "rules/incidents.tsv";

    private final NlpModels models;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final FeatureExtractor extractor = new FeatureExtractor();
    private final PlaceFinder places;
    private final TopicRules rules;
    private final AgencyDecider agency;
    private final IncidentDecider incidents;
    private final TopicBlend topicBlend;
    /** The topic and in-domain topic models' labels aligned once, or null without an in-domain topic model. */
    private final TopicBlend.Alignment topicAlignment;

    /**
     * @param rules the analysts' topic and incident rules, matched once per post and shared by the incident
     *              and the agency decisions
     */
    public TextAnalyzer(NlpModels models, PlaceFinder places, TopicRules rules, AgencyDecider agency,
                        IncidentDecider incidents) {
        this(models, places, rules, agency, incidents, TopicBlend.DEFAULT);
    }

    /** @param topicBlend how the in-domain topic model, when the models directory has one, joins the topic model */
    public TextAnalyzer(NlpModels models, PlaceFinder places, TopicRules rules, AgencyDecider agency,
                        IncidentDecider incidents, TopicBlend topicBlend) {
        this.models = models;
        this.places = places;
        this.rules = rules;
        this.agency = agency;
        // a models directory with a learned decision decides by it, at its own threshold (the blend is the fallback);
        // a decider that has one already (the service's, at a configured threshold) is kept
        this.incidents = incidents.learned() ? incidents : models.incidentStack().map(incidents::withStack).orElse(incidents);
        this.topicBlend = topicBlend;
        this.topicAlignment = models.categorizers().has(NlpModels.TOPIC_INFORMAL)
                ? TopicBlend.Alignment.of(models.categorizers().labels("topic"),
                        models.categorizers().labels(NlpModels.TOPIC_INFORMAL))
                : null;
    }

    /**
     * Loads everything from a models directory: categorisers (overridden per task by {@code user} when it
     * has them), text and NER models, {@code gazetteer/}, {@code rules/} and {@code routing/}; incidents are
     * decided with {@link IncidentDecider#DEFAULT_THRESHOLD}.
     */
    public static TextAnalyzer load(Path shipped, Optional<Path> user) throws IOException {
        return load(shipped, user, TopicBlend.DEFAULT);
    }

    /** As {@link #load(Path, Optional)}, with another weight for the in-domain topic model (choosing it out of fold). */
    public static TextAnalyzer load(Path shipped, Optional<Path> user, TopicBlend topicBlend) throws IOException {
        NlpModels models = NlpModels.load(shipped, user);
        TulaGazetteer gazetteer = TulaGazetteer.load(pick(shipped, user, "gazetteer/municipalities.tsv"));
        TopicRules rules = TopicRules.load(pick(shipped, user, RULES), pick(shipped, user, INCIDENT_RULES));
        RoutingTable routing = RoutingTable.load(pick(shipped, user, "routing/agencies.tsv"),
                pick(shipped, user, "routing/routing.tsv"));
        boolean ownHistory = user.filter(u -> CategorizerStore.exists(u.resolve("agency"))
                && !Files.isRegularFile(u.resolve("routing/routing.tsv"))).isPresent();
        return new TextAnalyzer(models, new PlaceFinder(gazetteer), rules, new AgencyDecider(routing, ownHistory),
                new IncidentDecider(IncidentDecider.DEFAULT_THRESHOLD), topicBlend);
    }

    /** Loads from {@link ModelsDir#resolve()}. */
    public static TextAnalyzer loadDefault() throws IOException {
        return load(ModelsDir.resolve(), Optional.empty());
    }

    private static Path pick(Path shipped, Optional<Path> user, String file) {
        return user.map(u -> u.resolve(file)).filter(Files::isRegularFile).orElse(shipped.resolve(file));
    }

    public PostAnalysis analyze(String id, String text) {
        NormalizedText norm = normalizer.normalize(text);
        String lang = models.language().detect(norm.clean());
        if (!"ru".equals(lang)) {
            return new PostAnalysis(id, lang, null, null, null, null, null, null, List.of(), null, null, models.versions());
        }
        return russian(id, norm);
    }

    /**
     * The full analysis whatever the detected language: for a post an analyst sends to analysis by hand
     * after the language identifier called it non-Russian.
     */
    public PostAnalysis analyzeAsRussian(String id, String text) {
        return russian(id, normalizer.normalize(text));
    }

    private PostAnalysis russian(String id, NormalizedText norm) {
        String lang = "ru";
        IndexedFeatures features = extractor.extract(norm.folded(), models.featureIndex());
        CategorizerBank.Scores scores = models.categorizers().score(features);
        Map<String, List<Prediction.FeatureWeight>> top = new LinkedHashMap<>();
        LabelScore modelComplaint = label("complaint", scores, top);
        double[] topicProbabilities = topicProbabilities(scores, norm.clean());
        LabelScore modelTopic = topicLabel(topicProbabilities, scores, top);
        LabelScore conflict = label("conflict", scores, top);
        LabelScore inappropriate = InappropriateRule.answer(models.categorizers().labels("conflict"),
                scores.probabilities("conflict"));
        LabelScore sentiment = sentiment(scores, top);
        Prediction agencyModel = scores.prediction("agency");
        top.put("agency", agencyModel.topFeatures());

        List<RuleMatch> matches = rules.match(norm.clean());
        // a region's own incident-type model (import-im) decides problem or question where no analyst rule does
        LabelScore modelType = models.categorizers().has(NlpModels.INCIDENT_TYPE)
                ? label(NlpModels.INCIDENT_TYPE, scores, top) : null;
        // the in-domain incident model (residents' posts against news, official replies and adverts) beside
        // the complaint model; IncidentDecider blends the two
        LabelScore modelIncident = null;
        if (models.categorizers().has(NlpModels.INCIDENT)) {
            top.put(NlpModels.INCIDENT, scores.prediction(NlpModels.INCIDENT).topFeatures());
            modelIncident = IncidentDecider.incidentAnswer(models.categorizers().labels(NlpModels.INCIDENT),
                    scores.probabilities(NlpModels.INCIDENT));
        }
        IncidentDecider.Decision incident = incidents.decide(modelComplaint, modelIncident, modelTopic,
                bestRubric(topicProbabilities, modelTopic), modelType, matches, norm.clean());
        if (!incident.reasons().isEmpty()) {
            top.put("decision", incident.reasons());
        }
        List<Entity> entities = models.entities().find(norm.clean());
        PlaceFinder.Result found = places.find(norm.clean(), entities);
        AgencyDecider.Decision decision = agency.decide(matches, modelTopic, found.municipality(), agencyModel);

        List<ExplainedEntity> explained = new ArrayList<>(found.explained());
        PostAnalysis.Explanation explanation = new PostAnalysis.Explanation(top, decision.matchedRules(), explained,
                incident.complaintDecidedBy(), modelComplaint, incident.topicDecidedBy(), modelTopic);
        return new PostAnalysis(id, lang, incident.complaint(), incident.incidentType(), incident.topic(), conflict,
                inappropriate, sentiment, found.places(), decision.agency(), explanation, models.versions());
    }

    /**
     * The analysis with the agency the region keeps ({@link AgencyDecider#regionalRoute}): another region's
     * learned agency gives way to the routing table, as the service stores it and {@code analyze} prints it.
     */
    public PostAnalysis regional(PostAnalysis a) {
        if (!a.analysed() || a.agency() == null) {
            return a;
        }
        return agency.regionalRoute(a.agency(), a.topic().label(), a.municipality())
                .map(route -> a.withAgency(new PostAnalysis.AgencyDecision(route.agency().name(), 1.0, "routing")))
                .orElse(a);
    }

    public NlpModels models() {
        return models;
    }

    public IncidentDecider incidentDecider() {
        return incidents;
    }

    private LabelScore label(String task, CategorizerBank.Scores scores,
                             Map<String, List<Prediction.FeatureWeight>> top) {
        Prediction p = scores.prediction(task);
        top.put(task, p.topFeatures());
        return new LabelScore(p.label(), round(p.score()));
    }

    /**
     * The topic model's probabilities, blended with the in-domain topic model's when the directory has one (gated by
     * the text's length: {@link TopicBlend}).
     */
    private double[] topicProbabilities(CategorizerBank.Scores scores, String text) {
        double[] probs = scores.probabilities("topic");
        if (topicAlignment == null) {
            return probs;
        }
        return topicBlend.apply(topicAlignment, probs, scores.probabilities(NlpModels.TOPIC_INFORMAL),
                TopicBlend.letters(text));
    }

    /**
     * The most probable topic of the (blended) probabilities; the explanation stays the topic model's features, which
     * carry nearly all of the answer.
     */
    private LabelScore topicLabel(double[] probs, CategorizerBank.Scores scores,
                                  Map<String, List<Prediction.FeatureWeight>> top) {
        if (topicAlignment == null) {
            return label("topic", scores, top);
        }
        top.put("topic", scores.prediction("topic").topFeatures());
        int best = ArgMax.of(probs);
        return new LabelScore(models.categorizers().labels("topic").get(best), round(probs[best]));
    }

    /** The topic's most probable label other than {@code none}. */
    private LabelScore bestRubric(double[] probs, LabelScore modelTopic) {
        if (!"none".equals(modelTopic.label())) {
            return modelTopic;
        }
        List<String> labels = models.categorizers().labels("topic");
        int best = -1;
        for (int i = 0; i < labels.size(); i++) {
            if (!"none".equals(labels.get(i)) && (best < 0 || probs[i] > probs[best])) {
                best = i;
            }
        }
        return best < 0 ? modelTopic : new LabelScore(labels.get(best), round(probs[best]));
    }

    /**
     * The shipped sentiment model keeps RuSentiTweet's five classes (the published baseline is 5-class);
     * the contract has three, so "speech" (greetings, thanks) counts as positive and "skip" as neutral.
     */
    private LabelScore sentiment(CategorizerBank.Scores scores, Map<String, List<Prediction.FeatureWeight>> top) {
        Prediction p = scores.prediction("sentiment");
        top.put("sentiment", p.topFeatures());
        List<String> labels = models.categorizers().labels("sentiment");
        if (!labels.contains("speech") && !labels.contains("skip")) {
            return new LabelScore(p.label(), round(p.score()));
        }
        double[] probs = scores.probabilities("sentiment");
        Map<String, Double> merged = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String l = switch (labels.get(i)) {
                case "speech" -> "positive";
                case "skip" -> "neutral";
                default -> labels.get(i);
            };
            merged.merge(l, probs[i], Double::sum);
        }
        Map.Entry<String, Double> best = merged.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new LabelScore(best.getKey(), round(best.getValue()));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

}
