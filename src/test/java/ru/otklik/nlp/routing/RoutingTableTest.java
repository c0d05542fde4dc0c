package ru.otklik.nlp.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    static RoutingTable table;

    @BeforeAll
    static void load() {
        table = RoutingTable.load(Path.of("nlp-models/routing/agencies.tsv"), Path.of("nlp-models/routing/routing.tsv"));
    }

    @Test
    void localTopicGoesToTheMunicipalitysAdministration() {
        Route route = table.route("roads", "novomoskovsk");
        assertThat(route.agency().code()).isEqualTo("adm-novomoskovsk");
        assertThat(route.agency().name()).contains("Новомосковск");
    }

    @Test
    void localTopicWithoutPlaceGoesToTheRegionalMinistry() {
        assertThat(table.route("roads", null).agency().code()).isEqualTo("mintrans");
    }

    @Test
    void regionalTopicGoesToTheMinistryWhereverItIs() {
        assertThat(table.route("health", "tula").agency().code()).isEqualTo("minzdrav");
        assertThat(table.route("health", null).agency().code()).isEqualTo("minzdrav");
    }

    @Test
    void unknownTopicFallsBackToTheCentre() {
        Route route = table.route("none", null);
        assertThat(route.agency().code()).isEqualTo("cur");
        assertThat(route.rule()).isEqualTo("*×*");
    }
}
