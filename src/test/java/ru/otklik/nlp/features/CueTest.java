package ru.otklik.nlp.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ru.otklik.nlp.categorize.CategorizerTrainer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.categorize.TrainingConfig;
import ru.otklik.nlp.text.TextNormalizer;

class CueTest {

    private final FeatureExtractor fx = new FeatureExtractor();
    private final TextNormalizer normalizer = new TextNormalizer();

    private Set<String> cues(String raw) {
        return fx.extract(normalizer.normalize(raw).folded()).counts().keySet().stream()
                .filter(k -> k.startsWith(Cue.PREFIX)).collect(Collectors.toSet());
    }

    @Test
    void aShortRequestToTheAdministrationWithAPhoto() {
        assertThat(cues("[club123|Администрация Тулы], уберите мусор у контейнеров!!! vk.com/photo-1_2"))
                .contains("k=address-first", "k=imperative-first", "k=imperative", "k=link-last", "k=exclamation",
                        "k=authority", "k=words-12")
                .doesNotContain("k=question", "k=first-person", "k=reporting");
    }

    @Test
    void aQuestionAndALastingProblem() {
        assertThat(cues("у нас во дворе опять нет света, когда почините?"))
                .contains("k=first-person", "k=persists", "k=question", "k=question-last", "k=imperative")
                .doesNotContain("k=address-first", "k=imperative-first");
    }

    @Test
    void newsVoiceWithFigures() {
        assertThat(cues("С 12 по 14 декабря на ул. Ленина 5 отключат воду, сообщает пресс-служба водоканала"))
                .contains("k=reporting", "k=figures", "k=authority")
                .doesNotContain("k=first-person", "k=imperative", "k=question");
    }

    @Test
    void aLongFirstPersonStoryAndThanks() {
        String story = "я третий месяц хожу в поликлинику, ".repeat(12) + "спасибо";
        assertThat(cues(story)).contains("k=first-person", "k=first-person-long", "k=thanks", "k=words-more");
        assertThat(cues("спасибо")).contains("k=words-5").doesNotContain("k=first-person-long");
    }

    @Test
    void theIndexedWalkHashesTheCuesAsTheNamedOneNamesThem() {
        String folded = normalizer.normalize("[club1|Администрация], почините фонарь? vk.com/photo-1_2").folded();
        Map<String, Integer> named = fx.extract(folded).counts();
        FeatureIndex index = FeatureIndex.of(List.of(named.keySet()));
        IndexedFeatures indexed = fx.extract(folded, index);
        Set<String> back = java.util.stream.IntStream.range(0, indexed.size())
                .mapToObj(i -> index.name(indexed.ids()[i])).collect(Collectors.toSet());
        assertThat(back).containsAll(named.keySet()).contains("k=address-first", "k=question", "k=link-last")
                .doesNotContain("k=question-last");
    }

    @Test
    void onlyAModelTrainedWithCuesLearnsThem() {
        List<Features> docs = List.of(fx.extract("уберите мусор!"), fx.extract("мусор вывезли, сообщает оператор"),
                fx.extract("почините свет!"), fx.extract("свет дали, сообщает сетевая компания"));
        List<String> labels = List.of("complaint", "none", "complaint", "none");
        TrainingConfig config = new TrainingConfig(0.01, 50, 1, 10_000, 0, 1, false);
        DocCategorizer without = new CategorizerTrainer().train("t", docs, labels, config, List.of());
        DocCategorizer with = new CategorizerTrainer().train("t", docs, labels, config.withCues(true), List.of());
        assertThat(without.vocabulary()).noneMatch(f -> f.startsWith(Cue.PREFIX)).contains("w=мусор");
        assertThat(with.vocabulary()).contains("k=imperative", "k=reporting");
    }
}
