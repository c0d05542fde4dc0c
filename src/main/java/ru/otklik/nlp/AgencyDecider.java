package ru.otklik.nlp;

import java.util.List;
import java.util.Optional;

import ru.otklik.nlp.PostAnalysis.AgencyDecision;
import ru.otklik.nlp.categorize.Prediction;
import ru.otklik.nlp.routing.Route;
import ru.otklik.nlp.routing.RoutingTable;
import ru.otklik.nlp.rules.RuleMatch;
import ru.otklik.nlp.rules.TopicRules;

/**
 * Chooses the agency from three sources and says which one decided:
 * <ol>
 *   <li>{@code routing}: the region's routing table, when the post names a municipality of the region and
 *       the topic model is sure of a rubric topic — a region's own published competences beat any guess;</li>
 *   <li>{@code rule}: the same table, with the topic taken from the analysts' Monitor rules, when the
 *       model's topic is "none" or uncertain but a rule matched;</li>
 *   <li>{@code model}: otherwise the agency learned from labelled history, however sure it is. Without a
 *       named municipality the table can only map a topic to a region-wide body, which is not where such
 *       posts went: on Kursk dev, of 98 appeals the model was unsure of (p &lt; 0.5), the table got 0 right and
 *       the model 24. The service and the {@code analyze} command keep only agencies of the region's own
 *       table and route the rest ({@link #regionalRoute}), so another region's model never names a foreign
 *       body there.</li>
 * </ol>
 * When the agency model is the deployment's own ({@code analyze --models DIR} with an agency model trained on
 * its history but no routing table of its own), the shipped routing table belongs to another region: the
 * model then decides everything but a post naming one of the table's municipalities.
 */
public final class AgencyDecider {

    /** Below this probability the topic model's label is not trusted for routing. */
    static final double TOPIC_TRUST = 0.5;

    /** The decision and the rule ids that matched, for the explanation. */
    public record Decision(AgencyDecision agency, List<String> matchedRules) {
    }

    private final RoutingTable routing;
    private final boolean ownHistory;

    public AgencyDecider(RoutingTable routing) {
        this(routing, false);
    }

    /** @param ownHistory the agency model was trained on this deployment's history, the routing table was not */
    public AgencyDecider(RoutingTable routing, boolean ownHistory) {
        this.routing = routing;
        this.ownHistory = ownHistory;
    }

    /** @param matches every analyst rule that matched the post ({@link TopicRules#match}) */
    public Decision decide(List<RuleMatch> matches, PostAnalysis.LabelScore topic, String municipality,
                           Prediction model) {
        List<String> ids = matches.stream().map(RuleMatch::ruleId).toList();
        boolean topicTrusted = !"none".equals(topic.label()) && topic.score() >= TOPIC_TRUST;
        Optional<String> ruleTopic = TopicRules.bestLabel(matches);
        if (municipality != null && topicTrusted) {
            return new Decision(routed(routing.route(topic.label(), municipality), topic.score(), "routing"), ids);
        }
        if (ownHistory) {
            return new Decision(learned(model), ids);
        }
        if (!topicTrusted && ruleTopic.isPresent()) {
            return new Decision(routed(routing.route(ruleTopic.get(), municipality), 1.0, "rule"), ids);
        }
        return new Decision(learned(model), ids);
    }

    /**
     * The decision as the region keeps it: a learned agency its routing table does not know (the shipped model
     * learned another region's history) gives way to the table's route for the post's topic and municipality;
     * a deployment's own agency model, and every agency of the table, stay.
     *
     * @param topic        the post's decided topic
     * @param municipality the post's municipality, or {@code null}
     * @return the route taken instead, or empty when the decision stays
     */
    public Optional<Route> regionalRoute(AgencyDecision decision, String topic, String municipality) {
        if (ownHistory || routing.agencyNamed(decision.name()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(routing.route(topic, municipality));
    }

    private static AgencyDecision learned(Prediction model) {
        return new AgencyDecision(model.label(), TextAnalyzer.round(model.score()), "model");
    }

    private static AgencyDecision routed(Route route, double score, String by) {
        return new AgencyDecision(route.agency().name(), TextAnalyzer.round(score), by);
    }
}
