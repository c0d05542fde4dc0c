package ru.otklik.analysis;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.otklik.nlp.place.PlaceMention;
import ru.otklik.nlp.place.TulaGazetteer;
import ru.otklik.nlp.routing.Route;
import ru.otklik.nlp.routing.RoutingTable;
import ru.otklik.nlp.rules.RuleMatch;
import ru.otklik.nlp.rules.TopicRules;

/**
 * Analysis by the analysts' rules alone: a text that matches a topic rule is a complaint on that topic,
 * its place comes from the gazetteer and its agency from the routing table. The trained models replace it
 * where they are installed; the rules stay part of their explanation.
 */
@ApplicationScoped
@DefaultBean
public class RuleBasedAnalyzer implements PostAnalyzer {

    private final TopicRules rules;
    private final TulaGazetteer gazetteer;
    private final RoutingTable routing;
    private final Map<String, String> versions;

    public RuleBasedAnalyzer(TopicRules rules, TulaGazetteer gazetteer, RoutingTable routing, RuleResources files) {
        this.rules = rules;
        this.gazetteer = gazetteer;
        this.routing = routing;
        this.versions = Map.copyOf(files.versions());
    }

    @Override
    public AnalysisResult analyze(String text) {
        List<RuleMatch> matches = rules.match(text);
        String topic = TopicRules.bestLabel(matches).orElse(AnalysisResult.NONE);
        boolean matched = !matches.isEmpty();
        List<PlaceMention> mentions = gazetteer.find(text);
        String municipality = TulaGazetteer.municipalityOf(mentions).orElse(null);
        Route route = routing.route(topic, municipality);

        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("rules", matches);
        explanation.put("routing", route.rule());
        return new AnalysisResult("ru",
                new AnalysisResult.Label(matched ? AnalysisResult.COMPLAINT : AnalysisResult.NONE, 1.0),
                new AnalysisResult.Label(topic, 1.0),
                null,
                null,
                mentions.stream().map(m -> new AnalysisResult.Place(m.text(), "GAZETTEER", m.municipality())).toList(),
                municipality,
                new AnalysisResult.AgencyChoice(route.agency().code(), route.agency().name(), 1.0, "routing"),
                explanation,
                versions);
    }
}
