package ru.otklik.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import ru.otklik.analysis.StoredExplanation;
import ru.otklik.nlp.PostAnalysis;
import ru.otklik.nlp.SharedAnalyzer;

/** The compact stored explanation reads in the console exactly as the {@code analyze} command's form did. */
class ExplanationsTest {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> POSTS = List.of(
            "<p>Жители Щёкинского района жалуются: на дороге в Советске огромные ямы, асфальт разбит.</p>",
            "Помогите, начальник Льговского РЭС Иван Петров не реагирует на жалобы, а мы при малейшем ветре сидим без "
                    + "света, деревня Большие Угоны, улица Старая Слобода.",
            "Третий день нет воды в Новомосковске, управляющая компания не отвечает",
            "Спасибо администрации Тулы за новый сквер на улице Металлистов!",
            "Заткнись уже, тупой урод, достал всех своим враньём");

    @Test
    void theCompactFormShowsTheSameLinesAsTheAnalyzeFormInFewerBytes() throws Exception {
        for (String post : POSTS) {
            PostAnalysis.Explanation e = SharedAnalyzer.get().analyze("1", post).explanation();
            // both as the console gets them: JSON stored, then read back into maps
            String old = JSON.writeValueAsString(JSON.convertValue(e, MAP));
            String compact = JSON.writeValueAsString(StoredExplanation.of(e));
            List<Explanations.Line> before = Explanations.lines(JSON.readValue(old, MAP), null);
            List<Explanations.Line> after = Explanations.lines(JSON.readValue(compact, MAP), null);
            assertThat(after).as(post).isEqualTo(before);
            assertThat(after).as(post).extracting(Explanations.Line::title).contains("Признаки: topic", "Признаки: complaint");
            assertThat(utf8(compact)).as(post).isLessThan(utf8(old) * 6 / 10);
        }
    }

    private static int utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aFeaturesWeightIsSignedAsTheFormatterPrintsIt() {
        List<Double> edges = List.of(0.0, -0.0, 0.005, -0.005, 0.004, -0.004, 0.125, 1.005, -1.005, 0.015, 2.675,
                0.994999, 0.995, -0.995, 12.345, 1e-9, -1e-9, 123456.785);
        for (double w : edges) {
            assertThat(StoredExplanation.signed(w)).as("%s", w).isEqualTo(String.format(Locale.ROOT, "%+.2f", w));
        }
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 100_000; i++) {
            double w = random.nextDouble(-3, 3);
            double thousandths = Math.round(w * 1000) / 1000.0;
            assertThat(StoredExplanation.signed(w)).isEqualTo(String.format(Locale.ROOT, "%+.2f", w));
            assertThat(StoredExplanation.signed(thousandths)).isEqualTo(String.format(Locale.ROOT, "%+.2f", thousandths));
        }
    }

    @Test
    void entitiesReadInBothForms() {
        Map<String, Object> old = Map.of("entities", List.of(Map.of("text", "Тула", "type", "LOC", "start", 3, "end", 7)));
        Map<String, Object> compact = Map.of("entities", List.of(List.of("Тула", "LOC")));
        assertThat(Explanations.lines(compact, null)).isEqualTo(Explanations.lines(old, null))
                .containsExactly(new Explanations.Line("Найденные места и организации", "Тула (LOC)"));
    }
}
