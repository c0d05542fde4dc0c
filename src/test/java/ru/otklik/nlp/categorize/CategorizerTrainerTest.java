package ru.otklik.nlp.categorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.otklik.nlp.features.FeatureExtractor;
import ru.otklik.nlp.features.Features;
import ru.otklik.nlp.text.TextNormalizer;

/** Per-document counts weigh the training examples and leave the vocabulary alone. */
class CategorizerTrainerTest {

    @Test
    void countsWeighDocumentsAsTheirRepeatsWouldWithoutChangingTheVocabulary() throws Exception {
        TextNormalizer normalizer = new TextNormalizer();
        FeatureExtractor fx = new FeatureExtractor();
        List<Features> docs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Features> probes = new ArrayList<>();
        // real posts of the committed labelled set: the first 400 dev rows train, 100 test rows probe
        for (String line : Files.readAllLines(Path.of("labelled/written-posts-d.tsv")).subList(1, 471)) {
            String[] c = line.split("\t", -1);
            Features f = fx.extract(normalizer.normalize(c[4]).folded());
            if (c[1].equals("dev") && docs.size() < 400) {
                docs.add(f);
                labels.add(c[5].equals("none") ? "none" : "complaint");
            } else if (c[1].equals("test") && probes.size() < 100) {
                probes.add(f);
            }
        }
        TrainingConfig config = new TrainingConfig(0.02, 300, 2, 5_000, 0, 1);
        CategorizerTrainer trainer = new CategorizerTrainer();
        DocCategorizer plain = trainer.train("incident", docs, labels, config, List.of());

        // every document 3 times with 3 times the L2 cost: the same objective, so the same model, up to where the
        // quasi-Newton search stops on each (up to 0.012 apart on these probes; the L2 cost alone, without the
        // counts, moves them several times that)
        DocCategorizer thrice = trainer.train("incident", docs, labels, Collections.nCopies(docs.size(), 3),
                config.withL2(0.06), List.of());
        assertThat(thrice.meta().vocabulary()).isEqualTo(plain.meta().vocabulary());
        for (Features p : probes) {
            assertThat(thrice.probabilities(p)[0]).isCloseTo(plain.probabilities(p)[0], within(0.02));
        }

        // the none rows weighed 5 times: the probes' complaint probability falls (nearly all), the vocabulary stays
        List<Integer> noneHeavy = labels.stream().map(l -> l.equals("none") ? 5 : 1).toList();
        DocCategorizer heavy = trainer.train("incident", docs, labels, noneHeavy, config, List.of());
        assertThat(heavy.meta().vocabulary()).isEqualTo(plain.meta().vocabulary());
        int complaint = plain.labels().indexOf("complaint");
        long fell = probes.stream().filter(p -> heavy.probabilities(p)[complaint] < plain.probabilities(p)[complaint])
                .count();
        assertThat(fell).isGreaterThanOrEqualTo(probes.size() * 9L / 10);

        assertThatThrownBy(() -> trainer.train("incident", docs, labels, List.of(1, 2), config, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("need a count ≥ 1 per document, or none");
    }
}
