package ru.otklik.analysis;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ru.otklik.common.Votes;
import ru.otklik.nlp.AgencyDecider;
import ru.otklik.nlp.NlpModels;
import ru.otklik.nlp.PlaceFinder;
import ru.otklik.nlp.PostAnalysis;
import ru.otklik.nlp.TextAnalyzer;
import ru.otklik.nlp.place.TulaGazetteer;
import ru.otklik.nlp.routing.Agency;
import ru.otklik.nlp.routing.Route;
import ru.otklik.nlp.routing.RoutingTable;
import ru.otklik.nlp.rules.TopicRules;

/**
 * The service's analyzer: the trained models of {@code nlp-models/} (the same {@link TextAnalyzer} as the
 * {@code analyze} command), with the analysts' rules as a second voice.
 *
 * <p>A post is a complaint when the complaint model is sure of it ({@code otklik.analysis.complaint-threshold})
 * or a topic rule matches it: the rules describe
 * problems, and they must keep working for sources unlike the appeals the model learned from. The agency must
 * be one of the region's; a learned agency the routing table does not know (the shipped model learned from
 * another region's history) gives way to the routing table.
 */
@ApplicationScoped
public class NlpPostAnalyzer implements PostAnalyzer {

    private static final double SURE_TOPIC = 0.5;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final TextAnalyzer analyzer;
    private final TopicRules rules;
    private final RoutingTable routing;
    private final Map<String, String> ruleVersions;
    private final Map<String, Agency> agenciesByName = new LinkedHashMap<>();
    private final ObjectMapper json;
    private final double complaintThreshold;

    public NlpPostAnalyzer(AnalysisConfig config, TopicRules rules, RoutingTable routing, TulaGazetteer gazetteer,
                           RuleResources files, ObjectMapper json) {
        try {
            this.analyzer = new TextAnalyzer(NlpModels.load(config.modelsDir(), config.ownModelsDir()),
                    new PlaceFinder(gazetteer), new AgencyDecider(rules, routing));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the NLP models from " + config.modelsDir().toAbsolutePath(), e);
        }
        this.rules = rules;
        this.routing = routing;
        this.ruleVersions = Map.copyOf(files.versions());
        this.json = json;
        this.complaintThreshold = config.complaintThreshold();
        routing.agencies().forEach(a -> agenciesByName.put(a.name(), a));
    }

    /**
     * The analysis in the shape of the {@code analyze} command's JSONL, with the agency the service would
     * store for the text (one of the region's, chosen exactly as {@link #analyze} chooses it).
     */
    public PostAnalysis analyzeForApi(String id, String text) {
        PostAnalysis a = analyzer.analyze(id, text);
        if (!a.analysed()) {
            return a;
        }
        AnalysisResult.AgencyChoice stored = result(a).agency();
        return a.withAgency(new PostAnalysis.AgencyDecision(stored.name(), stored.score(), stored.decidedBy()));
    }

    @Override
    public AnalysisResult analyze(String text) {
        return result(analyzer.analyze("", text));
    }

    /** The full analysis of a text the language identifier called non-Russian, sent to analysis by hand. */
    public AnalysisResult analyzeAsRussian(String text) {
        return result(analyzer.analyzeAsRussian("", text));
    }

    private AnalysisResult result(PostAnalysis a) {
        Map<String, String> versions = new LinkedHashMap<>(a.modelVersions());
        versions.putAll(ruleVersions);
        if (!a.analysed()) {
            return AnalysisResult.languageOnly(a.lang(), versions);
        }
        List<String> ruleTopics = a.explanation().matchedRules().stream()
                .map(rules::labelOf).flatMap(Optional::stream).toList();
        boolean modelSure = a.topic().score() >= SURE_TOPIC && !AnalysisResult.NONE.equals(a.topic().label());
        String topic = modelSure || ruleTopics.isEmpty() ? a.topic().label() : Votes.winner(ruleTopics).orElseThrow();
        double topicScore = modelSure || ruleTopics.isEmpty() ? a.topic().score() : 1.0;
        boolean modelComplaint = AnalysisResult.COMPLAINT.equals(a.complaint().label())
                && a.complaint().score() >= complaintThreshold;
        boolean complaint = modelComplaint || !ruleTopics.isEmpty();
        List<AnalysisResult.Place> places = a.places().stream()
                .map(p -> new AnalysisResult.Place(p.text(), p.type(), p.municipality())).toList();
        String municipality = Votes.winner(places.stream().map(AnalysisResult.Place::municipality)
                .filter(Objects::nonNull).toList()).orElse(null);

        Map<String, Object> explanation = new LinkedHashMap<>(json.convertValue(a.explanation(), MAP));
        explanation.put("complaintDecidedBy", modelComplaint ? "model" : complaint ? "rule" : "model");
        explanation.put("modelComplaint", a.complaint());
        explanation.put("topicDecidedBy", modelSure || ruleTopics.isEmpty() ? "model" : "rule");
        explanation.put("modelTopic", a.topic());
        return new AnalysisResult(a.lang(),
                new AnalysisResult.Label(complaint ? AnalysisResult.COMPLAINT : AnalysisResult.NONE,
                        modelComplaint || !complaint ? a.complaint().score() : 1.0),
                new AnalysisResult.Label(topic, topicScore),
                new AnalysisResult.Label(a.conflict().label(), a.conflict().score()),
                new AnalysisResult.Label(a.sentiment().label(), a.sentiment().score()),
                places, municipality, agency(a.agency(), topic, municipality, explanation), explanation, versions);
    }

    /** The model's or the rules' agency when it is one of the region's; the routing table's otherwise. */
    private AnalysisResult.AgencyChoice agency(PostAnalysis.AgencyDecision decision, String topic, String municipality,
                                               Map<String, Object> explanation) {
        Agency known = decision == null ? null : agenciesByName.get(decision.name());
        if (known != null) {
            return new AnalysisResult.AgencyChoice(known.code(), known.name(), decision.score(), decision.decidedBy());
        }
        Route route = routing.route(topic, municipality);
        explanation.put("routing", route.rule());
        return new AnalysisResult.AgencyChoice(route.agency().code(), route.agency().name(), 1.0, "routing");
    }
}
