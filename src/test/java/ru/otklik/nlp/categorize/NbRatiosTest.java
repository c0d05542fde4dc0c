package ru.otklik.nlp.categorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import ru.otklik.nlp.features.FeatureExtractor;
import ru.otklik.nlp.features.Features;
import ru.otklik.nlp.features.TfIdfVectorizer;
import ru.otklik.nlp.features.WeightedContext;
import ru.otklik.nlp.text.TextNormalizer;

/** NB log-count ratios: computed as documented, and folded into the weights without changing any answer. */
class NbRatiosTest {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final FeatureExtractor FX = new FeatureExtractor();
    /** Small and fast; the shipped incident model's minDf, class re-weighting and one thread (deterministic). */
    private static final TrainingConfig CONFIG = new TrainingConfig(0.02, 100, 2, 5_000, 0.5, 1);

    private static final List<Features> TRAIN = new ArrayList<>();
    private static final List<String> LABELS = new ArrayList<>();
    private static final List<Features> PROBES = new ArrayList<>();

    /** Real posts of the committed labelled set: dev rows train, test rows probe (nothing is tuned here). */
    @BeforeAll
    static void readLabelledPosts() throws IOException {
        for (String file : List.of("labelled/written-posts.tsv", "labelled/written-posts-c.tsv")) {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines.subList(1, Math.min(lines.size(), 700))) {
                String[] c = line.split("\t", -1);
                Features f = FX.extract(NORMALIZER.normalize(c[4]).folded());
                if (c[1].equals("dev")) {
                    TRAIN.add(f);
                    LABELS.add(c[5].equals("none") ? "none" : "complaint");
                } else if (PROBES.size() < 200) {
                    PROBES.add(f);
                }
            }
        }
        assertThat(LABELS).contains("none", "complaint");
        assertThat(PROBES).hasSizeGreaterThan(100);
    }

    @Test
    void ratioIsTheLogOfTheLabelsSmoothedDocumentShares() {
        Features d1 = new Features(Map.of("a", 2, "b", 1));
        Features d2 = new Features(Map.of("a", 1));
        Features d3 = new Features(Map.of("b", 1, "c", 1, "d", 1));
        // d1 twice (a repeated row: one document of evidence); d is outside the 3-feature vocabulary
        List<Features> docs = List.of(d1, d2, d3, d1);
        List<String> labels = List.of("complaint", "complaint", "none", "complaint");
        TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(List.of(d1, d2, d3), 1, 3);
        assertThat(vectorizer.idf()).containsOnlyKeys("a", "b", "c");

        NbRatios nb = NbRatios.fit(docs, labels, vectorizer);

        // complaint: a in 2 docs, b in 1, c in 0 → p = 3, 2, 1 (sum 6); none: a 0, b 1, c 1 → q = 1, 2, 2 (sum 5)
        assertThat(nb.size()).isEqualTo(3);
        assertThat((double) nb.of("a")).isCloseTo(Math.log((3 / 6.0) / (1 / 5.0)), within(1e-6));
        assertThat((double) nb.of("b")).isCloseTo(Math.log((2 / 6.0) / (2 / 5.0)), within(1e-6));
        assertThat((double) nb.of("c")).isCloseTo(Math.log((1 / 6.0) / (2 / 5.0)), within(1e-6));
        assertThat(nb.of("d")).isEqualTo(1f);
        assertThat(nb.of(TfIdfVectorizer.BIAS)).isEqualTo(1f);

        WeightedContext plain = vectorizer.transform(d1);
        WeightedContext scaled = nb.scale(plain);
        for (int i = 0; i < plain.names().length; i++) {
            float expected = plain.names()[i].equals(TfIdfVectorizer.BIAS) ? 1f
                    : plain.values()[i] * nb.of(plain.names()[i]);
            assertThat(scaled.values()[i]).isEqualTo(expected);
        }
    }

    @Test
    void ratiosAreAgainstNoneAndNeedTwoLabels() {
        Features a = new Features(Map.of("a", 1));
        TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(List.of(a), 1, 10);
        assertThatThrownBy(() -> NbRatios.fit(List.of(a, a), List.of("roads", "housing"), vectorizer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none");
        assertThatThrownBy(() -> NbRatios.fit(List.of(a, a, a), List.of("roads", "none", "housing"), vectorizer))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multipliedBackModelAnswersAsTheScaledFeatureModelOnRealPosts(@TempDir Path dir) throws IOException {
        TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(TRAIN, CONFIG.minDf(), CONFIG.maxFeatures());
        NbRatios nb = NbRatios.fit(TRAIN, LABELS, vectorizer);
        // none-leaning features get negative values: QN must train on them
        assertThat(vectorizer.idf().keySet().stream().filter(f -> nb.of(f) < 0).count()).isGreaterThan(100);
        MaxentModel scaled = CategorizerTrainer.fit(
                CategorizerTrainer.events(TRAIN, LABELS, List.of(), vectorizer, nb::scale, CONFIG.oversamplePower()), CONFIG);
        MaxentModel folded = nb.multiplyBack(scaled);

        DocCategorizer trained = new CategorizerTrainer().train("incident", TRAIN, LABELS,
                CONFIG.withNbRatios(true), List.of("test"));
        new CategorizerStore().save(trained, dir.resolve("incident"), Map.of());
        DocCategorizer stored = new CategorizerStore().load(dir.resolve("incident"));
        DocCategorizer plain = new CategorizerTrainer().train("incident", TRAIN, LABELS, CONFIG, List.of("test"));

        double largestChange = 0;
        for (Features probe : PROBES) {
            WeightedContext ctx = vectorizer.transform(probe);
            // float values: x·r rounded to a float before the sum, r·θ kept as a double, so equal to ~1e-8
            double[] expected = scaled.eval(nb.scale(ctx).names(), nb.scale(ctx).values());
            assertThat(folded.eval(ctx.names(), ctx.values())).containsExactly(expected, within(1e-6));
            // the trainer does the same
            assertThat(trained.probabilities(probe)).containsExactly(expected, within(1e-6));
            int complaint = trained.labels().indexOf("complaint");
            largestChange = Math.max(largestChange, Math.abs(plain.probabilities(probe)[complaint]
                    - expected[complaint]));
        }
        // the ratios change the model (else the test would pass with them ignored)
        assertThat(largestChange).isGreaterThan(0.05);
        // stored as trained: the same parameters for every feature (compared on the tables, not on answers — the IDF
        // file folds a line break inside a feature name into a space, for every model alike)
        Map<String, Context> kept = parameters(stored);
        parameters(trained).forEach((feature, c) -> {
            assertThat(kept.get(feature).getParameters()).containsExactly(c.getParameters());
            assertThat(kept.get(feature).getOutcomes()).containsExactly(c.getOutcomes());
        });
        // the same table: one parameter row per feature and the bias, as without the ratios
        assertThat(predicates(trained)).isEqualTo(predicates(plain)).isEqualTo(vectorizer.vocabularySize() + 1);
        assertThat(trained.meta().params()).containsKey("nbRatios");
        assertThat(plain.meta().params()).doesNotContainKey("nbRatios");
    }

    private static int predicates(DocCategorizer c) {
        return parameters(c).size();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Context> parameters(DocCategorizer c) {
        return (Map<String, Context>) ((AbstractModel) c.model()).getDataStructures()[1];
    }
}
