package ru.otklik.nlp.categorize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import ru.otklik.nlp.features.Features;
import ru.otklik.nlp.features.TfIdfVectorizer;
import ru.otklik.nlp.features.WeightedContext;

/**
 * Trains a {@link DocCategorizer}: TF-IDF real-valued events into OpenNLP's L-BFGS maxent trainer, which
 * per our measurements is the only OpenNLP set-up that reaches a TF-IDF logistic-regression baseline.
 */
public final class CategorizerTrainer {

    /**
     * @param task    model name
     * @param docs    features of the training documents
     * @param labels  the label of each document
     * @param config  training settings
     * @param sources free-text description of the training files, for the manifest
     */
    public DocCategorizer train(String task, List<Features> docs, List<String> labels, TrainingConfig config,
                                List<String> sources) {
        return train(task, docs, labels, List.of(), config, sources);
    }

    /**
     * Like {@link #train(String, List, List, TrainingConfig, List)}, each document given {@code counts.get(i)} times
     * to the trainer (empty: once each) — a weight that leaves the vocabulary alone, unlike repeating the document
     * in {@code docs} (the document frequencies count each document once). OpenNLP merges equal events into one
     * with a count, so a weight costs no training time.
     */
    public DocCategorizer train(String task, List<Features> docs, List<String> labels, List<Integer> counts,
                                TrainingConfig config, List<String> sources) {
        if (!counts.isEmpty() && (counts.size() != docs.size() || counts.stream().anyMatch(c -> c < 1))) {
            throw new IllegalArgumentException("need a count ≥ 1 per document, or none");
        }
        if (docs.size() != labels.size() || docs.isEmpty()) {
            throw new IllegalArgumentException("need as many labels as documents, and at least one");
        }
        TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(docs, config.minDf(), config.maxFeatures());
        long distinct = labels.stream().distinct().count();
        if (distinct < 2) {
            throw new IllegalArgumentException("need at least two distinct labels, got " + distinct);
        }
        NbRatios nb = config.nbRatios() ? NbRatios.fit(docs, labels, vectorizer) : null;
        UnaryOperator<WeightedContext> scale = nb == null ? UnaryOperator.identity() : nb::scale;
        List<Event> events = events(docs, labels, counts, vectorizer, scale, config.oversamplePower());
        MaxentModel model = fit(events, config);
        if (nb != null) {
            // the ratios go into the weights, so the stored model reads plain TF-IDF values like every other one
            model = nb.multiplyBack(model);
        }
        String trainedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ModelMeta meta = new ModelMeta(task, "", List.of(), trainedAt, sources, docs.size(),
                vectorizer.vocabularySize(), config.asMap(), Map.of());
        DocCategorizer trained = new DocCategorizer(model, vectorizer, meta);
        ModelMeta withLabels = new ModelMeta(task, "", trained.labels(), trainedAt, sources, docs.size(),
                vectorizer.vocabularySize(), config.asMap(), Map.of());
        return new DocCategorizer(model, vectorizer, withLabels);
    }

    /** OpenNLP's QN trainer on the given events, with the settings of {@code config}. */
    static MaxentModel fit(List<Event> events, TrainingConfig config) {
        try {
            EventTrainer trainer = TrainerFactory.getEventTrainer(parameters(config), new HashMap<>());
            return trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One event per document, repetition (the class re-weighting) and count ({@code counts}, empty: 1), its TF-IDF
     * values passed through {@code scale}.
     */
    static List<Event> events(List<Features> docs, List<String> labels, List<Integer> counts,
                              TfIdfVectorizer vectorizer, UnaryOperator<WeightedContext> scale, double oversamplePower) {
        Map<String, Integer> perLabel = new HashMap<>();
        labels.forEach(l -> perLabel.merge(l, 1, Integer::sum));
        int max = perLabel.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<Event> events = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            WeightedContext ctx = scale.apply(vectorizer.transform(docs.get(i)));
            String label = labels.get(i);
            int reps = (int) Math.max(1, Math.round(Math.pow((double) max / perLabel.get(label), oversamplePower)))
                    * (counts.isEmpty() ? 1 : counts.get(i));
            for (int r = 0; r < reps; r++) {
                events.add(new Event(label, ctx.names(), ctx.values()));
            }
        }
        return events;
    }

    private static TrainingParameters parameters(TrainingConfig config) {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        p.put(TrainingParameters.ITERATIONS_PARAM, config.iterations());
        // Cutoff must stay 1 with real values: a higher one drops contexts but not their values.
        p.put(TrainingParameters.CUTOFF_PARAM, 1);
        p.put(QNTrainer.THREADS_PARAM, config.threads());
        p.put(QNTrainer.L1COST_PARAM, 0.0);
        p.put(QNTrainer.L2COST_PARAM, config.l2());
        p.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
        return p;
    }
}
