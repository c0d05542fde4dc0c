package ru.otklik.nlp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The incident rules added from the cross-validated misses (nlp-models/rules/incidents.tsv, 2026-12-05), each on
 * posts written for it by docs/incident-guideline.md and on look-alikes the guideline calls {@code none}: the rule
 * by its id, so that a match of some other rule cannot make a case pass.
 */
class IncidentRulesTest {

    private static TopicRules rules;

    @BeforeAll
    static void load() {
        rules = TopicRules.load(Path.of("nlp-models/rules/topics.tsv"), Path.of("nlp-models/rules/incidents.tsv"));
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("question-addressed-authority",
                        List.of("[club555|Администрация Алексина], а когда в Мичуринском начнут ремонт моста?",
                                "@alexin_adm где теперь принимает депутат нашего округа?",
                                "[club777|Центр занятости населения Тулы] есть курсы для мам в декрете?"),
                        List.of("[club888|Пиццерия Венеция], а доставка до Скуратово есть?",
                                "[club555|Администрация Алексина] спасибо за новую горку, как красиво!")),
                Arguments.of("question-wish-public",
                        List.of("вот бы на Мира сделали нормальный тротуар до школы",
                                "а можно к новому микрорайону пустить автобус хотя бы в час пик?"),
                        List.of("вот бы в отпуск уже", "соседи, а можно у вас во дворе оставить машину на ночь?")),
                Arguments.of("question-public-service",
                        List.of("как оформить пособие на второго ребёнка, если прописка в другом районе?",
                                "где в Плавске сделать загранпаспорт, в МФЦ или только в Туле?"),
                        List.of("кто из вас оформлял пособие, как долго ждали?",
                                "Опрос: как вы добираетесь на работу — автобус или машина?")),
                Arguments.of("problem-service-missing",
                        List.of("в амбулатории Дубны второй месяц нет педиатра, возим детей в Тулу",
                                "отменили утренний рейс до Одоева, на работу не успеваем"),
                        List.of("в нашей деревне закрыли ФАП, пишут в районной газете")),
                Arguments.of("problem-imperative-demand",
                        List.of("заберите собак от детской площадки!!! vk.com/photo-5_6",
                                "поймайте наконец стаю у гаражей на Луговой"),
                        List.of("уберите уже свою машину с моего места")),
                Arguments.of("problem-defect-persists",
                        List.of("почему в садике на Заречной батареи ледяные третий день?",
                                "опять течёт крыша над третьим подъездом, вёдра не спасают"),
                        List.of("опять течёт кран на кухне, муж обещал починить")),
                Arguments.of("problem-story-no-answer",
                        List.of("звонила в поликлинику всю неделю, никто не берёт трубку, а запись только по телефону",
                                "ходили в МФЦ с документами, отправляют в соцзащиту, там отказывают"),
                        List.of("звонила подруге, никто не берёт трубку, наверное спит")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleMatchesWhatTheGuidelineCallsAnIncidentAndNotItsLookAlikes(String rule, List<String> incidents,
                                                                            List<String> lookAlikes) {
        assertThat(rules.labelOf(rule)).as("the rule is in incidents.tsv").isPresent();
        for (String text : incidents) {
            assertThat(ids(text)).as(text).contains(rule);
        }
        for (String text : lookAlikes) {
            assertThat(ids(text)).as(text).doesNotContain(rule);
        }
    }

    private static List<String> ids(String text) {
        return rules.match(text).stream().map(RuleMatch::ruleId).toList();
    }
}
