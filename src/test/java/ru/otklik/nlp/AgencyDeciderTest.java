package ru.otklik.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.otklik.nlp.PostAnalysis.AgencyDecision;
import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.categorize.Prediction;
import ru.otklik.nlp.routing.RoutingTable;
import ru.otklik.nlp.rules.TopicRules;

class AgencyDeciderTest {

    private static final String POTHOLES = "Огромные ямы на дороге, машины бьют колёса";
    private static final LabelScore ROADS = new LabelScore("roads", 0.9);
    private static final LabelScore UNSURE = new LabelScore("roads", 0.3);
    private static final Prediction UNSURE_MODEL = new Prediction("Комитет дорожного хозяйства г. Курска", 0.3, List.of());

    private static TopicRules rules;
    private static RoutingTable routing;

    @BeforeAll
    static void load() {
        Path models = ModelsDir.resolve();
        rules = TopicRules.load(models.resolve("rules/topics.tsv"));
        routing = RoutingTable.load(models.resolve("routing/agencies.tsv"), models.resolve("routing/routing.tsv"));
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    @Test
    void theRegionsTableDecidesForANamedMunicipalityAndTheRulesForAnUnsureTopic() {
        AgencyDecider shipped = new AgencyDecider(routing);

        AgencyDecision routed = shipped.decide(rules.match(POTHOLES), ROADS, "shchekinskiy", UNSURE_MODEL).agency();
        assertThat(routed.decidedBy()).isEqualTo("routing");
        assertThat(routed.name()).doesNotContain("Курск");
        AgencyDecision ruled = shipped.decide(rules.match(POTHOLES), UNSURE, null, UNSURE_MODEL).agency();
        assertThat(ruled.decidedBy()).isEqualTo("rule");
        assertThat(ruled.name()).doesNotContain("Курск");
    }

    @Test
    void theModelDecidesHoweverUnsureWhenNoMunicipalityIsNamed() {
        AgencyDecider shipped = new AgencyDecider(routing);

        AgencyDecision learned = shipped.decide(rules.match(POTHOLES), ROADS, null, UNSURE_MODEL).agency();
        assertThat(learned.decidedBy()).isEqualTo("model");
        assertThat(learned.name()).isEqualTo("Комитет дорожного хозяйства г. Курска");
        assertThat(learned.score()).isEqualTo(0.3);
    }

    @Test
    void aDeploymentsOwnAgencyModelDecidesUnlessAMunicipalityOfTheTableIsNamed() {
        AgencyDecider own = new AgencyDecider(routing, true);

        AgencyDecision learned = own.decide(rules.match(POTHOLES), UNSURE, null, UNSURE_MODEL).agency();
        assertThat(learned.decidedBy()).isEqualTo("model");
        assertThat(learned.name()).isEqualTo("Комитет дорожного хозяйства г. Курска");
        assertThat(learned.score()).isEqualTo(0.3);
        assertThat(own.decide(rules.match(POTHOLES), ROADS, "shchekinskiy", UNSURE_MODEL).agency().decidedBy()).isEqualTo("routing");
    }

    @Test
    void theRegionKeepsItsOwnAgenciesAndRoutesAnotherRegionsAway() {
        AgencyDecider shipped = new AgencyDecider(routing);
        AgencyDecision kursk = new AgencyDecision("Комитет дорожного хозяйства г. Курска", 0.3, "model");

        assertThat(shipped.regionalRoute(kursk, "roads", null)).get()
                .extracting(r -> r.agency().code()).isEqualTo("mintrans");
        assertThat(shipped.regionalRoute(kursk, "roads", "aleksin")).get()
                .extracting(r -> r.agency().municipality()).isEqualTo("aleksin");
        AgencyDecision ours = new AgencyDecision(routing.agency("mintrans").orElseThrow().name(), 0.8, "model");
        assertThat(shipped.regionalRoute(ours, "roads", null)).isEmpty();
        assertThat(new AgencyDecider(routing, true).regionalRoute(kursk, "roads", null)).isEmpty();
    }
}
