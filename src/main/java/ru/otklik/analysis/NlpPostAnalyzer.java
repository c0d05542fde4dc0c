package ru.otklik.analysis;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import ru.otklik.nlp.AgencyDecider;
import ru.otklik.nlp.IncidentDecider;
import ru.otklik.nlp.IncidentStack;
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
 * The service's analyzer: the trained models of {@code nlp-models/} and the analysts' rules, through the same
 * {@link TextAnalyzer} as the {@code analyze} command, so an incident is decided in one place
 * ({@link IncidentDecider}: the learned decision or the blend, or a rule). The agency must be
 * one of the region's; a learned agency the routing table does not know (the shipped model learned from
 * another region's history) gives way to the routing table.
 *
 * <p>Created at start, not on the first post: loading the models takes seconds (tens on a busy machine), and
 * lazily that time fell into the first analysis round, so the first posts after a start waited for it.
 */
@Startup
@ApplicationScoped
public class NlpPostAnalyzer implements PostAnalyzer {

    private final TextAnalyzer analyzer;
    private final RoutingTable routing;
    private final Map<String, String> ruleVersions;

    public NlpPostAnalyzer(AnalysisConfig config, TopicRules rules, RoutingTable routing, TulaGazetteer gazetteer,
                           RuleResources files) {
        try {
            NlpModels models = NlpModels.load(config.modelsDir(), config.ownModelsDir());
            this.analyzer = new TextAnalyzer(models, new PlaceFinder(gazetteer), rules, new AgencyDecider(routing),
                    decider(models.incidentStack(), config.complaintThreshold()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the NLP models from " + config.modelsDir().toAbsolutePath(), e);
        }
        this.routing = routing;
        this.ruleVersions = Map.copyOf(files.versions());
    }

    /** The models' decider at the configured threshold; a threshold out of range stops the start naming its key. */
    static IncidentDecider decider(Optional<IncidentStack> stack, OptionalDouble threshold) {
        try {
            return IncidentDecider.of(stack, threshold);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("otklik.analysis.complaint-threshold: " + e.getMessage(), e);
        }
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
        List<AnalysisResult.Place> places = a.places().stream()
                .map(p -> new AnalysisResult.Place(p.text(), p.type(), p.municipality())).toList();
        String municipality = a.municipality();
        Map<String, Object> explanation = StoredExplanation.of(a.explanation());
        return new AnalysisResult(a.lang(), label(a.complaint()), a.incidentType(), label(a.topic()),
                label(a.conflict()), label(a.inappropriate()), label(a.sentiment()), places, municipality,
                agency(a.agency(), a.topic().label(), municipality, explanation), explanation, versions);
    }

    private static AnalysisResult.Label label(PostAnalysis.LabelScore s) {
        return new AnalysisResult.Label(s.label(), s.score());
    }

    /**
     * The model's or the rules' agency when it is one of the region's; the routing table's otherwise — the rule of
     * {@link AgencyDecider#regionalRoute} (the service has no agency model of its own), here with the agency's code
     * and the routing row for the stored explanation.
     */
    private AnalysisResult.AgencyChoice agency(PostAnalysis.AgencyDecision decision, String topic, String municipality,
                                               Map<String, Object> explanation) {
        Optional<Agency> known = decision == null ? Optional.empty() : routing.agencyNamed(decision.name());
        if (known.isPresent()) {
            return new AnalysisResult.AgencyChoice(known.get().code(), known.get().name(), decision.score(),
                    decision.decidedBy());
        }
        Route route = routing.route(topic, municipality);
        explanation.put("routing", route.rule());
        return new AnalysisResult.AgencyChoice(route.agency().code(), route.agency().name(), 1.0, "routing");
    }
}
