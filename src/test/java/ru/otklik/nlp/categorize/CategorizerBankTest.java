package ru.otklik.nlp.categorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.otklik.nlp.features.FeatureExtractor;
import ru.otklik.nlp.features.FeatureIndex;
import ru.otklik.nlp.features.Features;
import ru.otklik.nlp.data.TaskCorpora;
import ru.otklik.nlp.features.IndexedFeatures;
import ru.otklik.nlp.text.TextNormalizer;

/** The compiled bank must answer exactly as the OpenNLP models it was compiled from. */
class CategorizerBankTest {

    private static final FeatureExtractor FX = new FeatureExtractor();
    private static final List<String> TRAIN = List.of(
            "яма на дороге у школы", "разбитый асфальт на улице Ленина", "дорогу не ремонтируют третий год",
            "нет горячей воды в доме", "течёт крыша в подъезде", "управляющая компания не убирает подъезд",
            "прекрасный концерт в парке", "спасибо за новый сквер", "отличная погода сегодня");
    private static final List<String> TOPICS = List.of("roads", "roads", "roads", "housing", "housing", "housing",
            "none", "none", "none");
    private static final List<String> TONE = List.of("negative", "negative", "negative", "negative", "negative",
            "neutral", "positive", "positive", "positive");
    private static final List<String> PROBES = List.of("яма на улице Ленина", "в доме нет воды, течёт крыша",
            "спасибо за концерт", "совсем незнакомые слова", "");

    private static Map<String, DocCategorizer> models;
    private static CategorizerBank bank;
    private static FeatureIndex index;

    @BeforeAll
    static void train() {
        List<Features> docs = TRAIN.stream().map(FX::extract).toList();
        TrainingConfig config = new TrainingConfig(0.01, 100, 1, 10_000, 0, 1);
        CategorizerTrainer trainer = new CategorizerTrainer();
        models = new LinkedHashMap<>();
        models.put("topic", trainer.train("topic", docs, TOPICS, config, List.of("test")));
        models.put("sentiment", trainer.train("sentiment", docs, TONE, config.withMaxFeatures(40), List.of("test")));
        bank = CategorizerBank.compile(models);
        index = bank.featureIndex();
    }

    @Test
    void predictsTheSameLabelsScoresAndExplanationsAsOpenNlp() {
        for (String probe : PROBES) {
            IndexedFeatures indexed = FX.extract(probe, index);
            CategorizerBank.Scores scores = bank.score(indexed);
            for (String task : models.keySet()) {
                Prediction expected = models.get(task).predict(FX.extract(probe));
                Prediction actual = scores.prediction(task);
                assertThat(actual.label()).as(task + " of '" + probe + "'").isEqualTo(expected.label());
                assertThat(actual.score()).isCloseTo(expected.score(), within(1e-5));
                // Features that always occur together tie, and ties may come out in either order; so the weights
                // must agree in order and the names must be features of the probe.
                assertThat(actual.topFeatures()).extracting(Prediction.FeatureWeight::weight)
                        .containsExactlyElementsOf(expected.topFeatures().stream()
                                .map(Prediction.FeatureWeight::weight).toList());
                assertThat(actual.topFeatures()).extracting(Prediction.FeatureWeight::feature)
                        .allMatch(FX.extract(probe).counts()::containsKey);
                assertThat(scores.probabilities(task))
                        .containsExactly(models.get(task).probabilities(FX.extract(probe)), within(1e-5));
            }
        }
    }

    @Test
    void aThresholdInMetaDecidesInTheBankAsInTheModel() {
        // a two-label model: the problem posts against the rest; then the same weights with a threshold in
        // meta.json just under one probe's probability of the other label, so that probe flips
        List<String> flag = TOPICS.stream().map(t -> t.equals("roads") ? "conflict" : "none").toList();
        DocCategorizer plain = new CategorizerTrainer().train("conflict", TRAIN.stream().map(FX::extract).toList(),
                flag, new TrainingConfig(0.01, 100, 1, 10_000, 0, 1), List.of("test"));
        String probe = "течёт крыша на улице Ленина";
        double p = plain.probabilities(FX.extract(probe))[plain.labels().indexOf("conflict")];
        assertThat(p).as("the probe must sit under 0.5 for the threshold to matter").isBetween(0.05, 0.5);
        assertThat(plain.predict(FX.extract(probe)).label()).isEqualTo("none");
        ModelMeta m = plain.meta();
        Map<String, Object> params = new LinkedHashMap<>(m.params());
        params.put(DecisionRule.PARAM, p - 0.01);
        DocCategorizer thresholded = new DocCategorizer(plain.model(), plain.vectorizer(), new ModelMeta(m.task(),
                m.version(), m.labels(), m.trainedAt(), m.sources(), m.trainDocs(), m.vocabulary(), params, Map.of()));
        CategorizerBank one = CategorizerBank.compile(Map.of("conflict", thresholded));
        for (String text : List.of(probe, "спасибо за концерт", "яма на дороге")) {
            Prediction expected = thresholded.predict(FX.extract(text));
            Prediction actual = one.score(FX.extract(text, one.featureIndex())).prediction("conflict");
            assertThat(actual.label()).as(text).isEqualTo(expected.label());
            assertThat(actual.score()).isCloseTo(expected.score(), within(1e-5));
        }
        Prediction flipped = thresholded.predict(FX.extract(probe));
        assertThat(flipped.label()).isEqualTo("conflict");
        assertThat(flipped.score()).isCloseTo(p, within(1e-9));
        assertThat(thresholded.predict(FX.extract("спасибо за концерт")).label()).isEqualTo("none");
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        ModelMeta meta = new ModelMeta("conflict", "v", List.of("conflict", "none"), "", List.of(), 1, 1,
                Map.of(DecisionRule.PARAM, 1.5), Map.of());
        assertThatThrownBy(() -> DecisionRule.of(meta, meta.labels()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
        assertThat(DecisionRule.of(new ModelMeta("topic", "v", List.of("a", "b", "none"), "", List.of(), 1, 1,
                Map.of(DecisionRule.PARAM, 0.3), Map.of()), List.of("a", "b", "none")).decide(new double[] {0.2, 0.5, 0.3}))
                .as("more than two labels: the most probable").isEqualTo(1);
    }

    @Test
    void learnedTheTopicsItWasTrainedOn() {
        assertThat(bank.score(FX.extract("яма на дороге", index)).prediction("topic").label()).isEqualTo("roads");
        assertThat(bank.labels("topic")).containsExactlyInAnyOrder("roads", "housing", "none");
    }

    @Test
    void aFeatureOnlyOneModelKnowsCountsOnlyForThatModel() {
        // the sentiment vocabulary is capped at 40 features, so most topic features are absent from it
        assertThat(models.get("sentiment").vocabulary()).hasSizeLessThan(models.get("topic").vocabulary().size());
        IndexedFeatures indexed = FX.extract("управляющая компания не убирает подъезд", index);
        assertThat(bank.score(indexed).probabilities("sentiment"))
                .containsExactly(models.get("sentiment").probabilities(
                        FX.extract("управляющая компания не убирает подъезд")), within(1e-5));
    }

    @Test
    void theShippedModelsLoadWithoutChangingAnAnswer() throws IOException {
        // The way the service loads them: IDF tables first, then one OpenNLP model at a time.
        Map<String, Path> dirs = new LinkedHashMap<>();
        Map<String, DocCategorizer> shipped = new LinkedHashMap<>();
        for (String task : TaskCorpora.TASKS) {
            dirs.put(task, Path.of("nlp-models", task));
            shipped.put(task, new CategorizerStore().load(dirs.get(task)));
        }
        CategorizerBank compiled = CategorizerBank.load(dirs);
        FeatureIndex shippedIndex = compiled.featureIndex();
        List<String> posts = Files.readAllLines(Path.of("src/test/resources/nlp/bench-posts.txt")).stream()
                .filter(line -> !line.isBlank()).toList();
        for (String post : posts) {
            String folded = new TextNormalizer().normalize(post).folded();
            CategorizerBank.Scores scores = compiled.score(FX.extract(folded, shippedIndex));
            shipped.forEach((task, model) -> {
                Prediction expected = model.predict(FX.extract(folded));
                assertThat(scores.prediction(task).label()).as(task + " of " + post).isEqualTo(expected.label());
                assertThat(scores.probabilities(task))
                        .containsExactly(model.probabilities(FX.extract(folded)), within(1e-5));
            });
        }
    }
}
