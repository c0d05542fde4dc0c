package ru.otklik.nlp.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import ru.otklik.nlp.categorize.CategorizerTrainer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.categorize.TrainingConfig;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.Split;

/**
 * k-fold cross-validation of one task: every example is predicted once, by a model trained on the other
 * folds with the given settings. Why: a 425-appeal dev split cannot tell a 2-point difference from noise,
 * while scoring all 2,000 Kursk appeals can; folds follow {@link Split#fold}, so fold 0 of five is the dev
 * split the shipped models are scored on.
 */
public final class CrossValidation {

    /** One held-out prediction. */
    public record Prediction(String id, int fold, String gold, String predicted) {

        public boolean correct() {
            return gold.equals(predicted);
        }
    }

    private final FeatureCache cache = new FeatureCache();
    private final CategorizerTrainer trainer = new CategorizerTrainer();
    private final PrintStream progress;

    public CrossValidation(PrintStream progress) {
        this.progress = progress;
    }

    /** Predictions for every example of {@code rows}, fold by fold. */
    public List<Prediction> run(String task, List<LabeledText> rows, int folds, TrainingConfig config) {
        if (folds < 2) {
            throw new IllegalArgumentException("--folds must be at least 2, got " + folds);
        }
        List<Prediction> out = new ArrayList<>(rows.size());
        for (int k = 0; k < folds; k++) {
            List<LabeledText> train = new ArrayList<>();
            List<LabeledText> held = new ArrayList<>();
            for (LabeledText t : rows) {
                (Split.fold(t.id(), folds) == k ? held : train).add(t);
            }
            if (held.isEmpty() || train.stream().map(LabeledText::label).distinct().count() < 2) {
                throw new IllegalArgumentException("fold " + k + " of " + folds + " leaves too little to train or "
                        + "score: use fewer folds or more rows");
            }
            long t0 = System.nanoTime();
            DocCategorizer model = trainer.train(task, cache.features(train),
                    train.stream().map(LabeledText::label).toList(), config, List.of());
            int correct = 0;
            for (LabeledText t : held) {
                Prediction p = new Prediction(t.id(), k, t.label(), model.predict(cache.features(t.text())).label());
                correct += p.correct() ? 1 : 0;
                out.add(p);
            }
            progress.printf("[crossval] fold %d: trained on %d in %.0f s, accuracy %.3f on %d%n", k, train.size(),
                    (System.nanoTime() - t0) / 1e9, (double) correct / held.size(), held.size());
        }
        return out;
    }
}
