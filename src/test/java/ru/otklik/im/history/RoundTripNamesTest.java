package ru.otklik.im.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.otklik.analysis.Rubric;
import ru.otklik.im.TopicMap;
import ru.otklik.nlp.place.Municipality;
import ru.otklik.nlp.place.TulaGazetteer;
import ru.otklik.nlp.routing.Agency;
import ru.otklik.nlp.routing.RoutingTable;

/**
 * Otklik's own export names topics, agencies and municipalities by the names of its reference files; reading
 * such an export back must give the same codes, or a round trip would change the incidents.
 */
class RoundTripNamesTest {

    private static final Path MODELS = Path.of("nlp-models");

    @Test
    void everyReferenceNameReadsBackAsItsCode() {
        Map<String, String> rubric = Rubric.load(MODELS.resolve("rules/rubric.tsv")).topics();
        TopicMap topics = TopicMap.auto(List.copyOf(rubric.values()), rubric);
        rubric.forEach((code, name) -> assertThat(topics.code(name)).as(name).isEqualTo(code));

        RoutingTable routing = RoutingTable.load(MODELS.resolve("routing/agencies.tsv"), MODELS.resolve("routing/routing.tsv"));
        TulaGazetteer gazetteer = TulaGazetteer.load(MODELS.resolve("gazetteer/municipalities.tsv"));
        ImReferences references = new ImReferences(routing, gazetteer);
        for (Agency a : routing.agencies()) {
            assertThat(references.agencyCode(a.name())).as(a.name()).isEqualTo(a.code());
        }
        for (Municipality m : gazetteer.municipalities()) {
            assertThat(references.municipality(m.name())).as(m.name()).contains(m.code());
        }
    }

    @Test
    void imsOwnNamesMatchTooAndUnknownExecutorsGetAStableSlug() {
        Map<String, String> rubric = Rubric.load(MODELS.resolve("rules/rubric.tsv")).topics();
        TopicMap topics = TopicMap.auto(List.of("Дороги", "ЖКХ", "Благоустройство", "Общественный транспорт",
                "Обращение с отходами", "Социальное обслуживание и защита", "Здравоохранение", "Образование",
                "Энергетика", "Прочее"), rubric);
        assertThat(List.of("Дороги", "ЖКХ", "Благоустройство", "Общественный транспорт", "Обращение с отходами",
                "Социальное обслуживание и защита", "Здравоохранение", "Образование", "Энергетика", "Прочее")
                .stream().map(topics::code).toList()).containsExactly("roads", "housing_utilities",
                "housing_utilities", "transport", "ecology", "social_protection", "health", "education",
                "housing_utilities", "none");

        ImReferences references = new ImReferences(
                RoutingTable.load(MODELS.resolve("routing/agencies.tsv"), MODELS.resolve("routing/routing.tsv")),
                TulaGazetteer.load(MODELS.resolve("gazetteer/municipalities.tsv")));
        assertThat(references.municipality("г. Тула")).contains("tula");
        assertThat(references.municipality("Белевский район")).contains("belevskiy");
        assertThat(references.municipality("Нигдеград")).isEmpty();
        assertThat(references.agencyCode("  администрация города тула ")).isEqualTo("adm-tula");
        assertThat(references.agencyCode("ООО «Тулатранс»")).isEqualTo("im-ooo-tulatrans")
                .isEqualTo(ImReferences.slug("ООО Тулатранс"));
        String longName = "Государственное учреждение Тульской области «Управление по обслуживанию населения и "
                + "объектов социальной инфраструктуры» Щёкинского района";
        assertThat(ImReferences.slug(longName)).hasSizeLessThanOrEqualTo(48).startsWith("im-gosudarstvennoe")
                .isEqualTo(ImReferences.slug(longName + " "));
    }
}
