package ru.otklik.nlp.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.CategorizerTrainer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.categorize.TrainingConfig;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.TaskCorpus;
import ru.otklik.nlp.eval.Metrics;
import ru.otklik.nlp.features.Features;

/**
 * Trains one shipped categoriser and its logistic-regression baseline on the same features, scores both on
 * every dev view, and saves the tuned model with the scores in its manifest.
 */
public final class CategorizerBuild {

    /** What a build produced. */
    public record Result(String task, String version, Map<String, Metrics> tuned, Map<String, Metrics> baseline) {
    }

    private final FeatureCache cache;
    private final PrintStream progress;
    private final CategorizerTrainer trainer = new CategorizerTrainer();

    public CategorizerBuild(FeatureCache cache, PrintStream progress) {
        this.cache = cache;
        this.progress = progress;
    }

    public Result run(TaskCorpus corpus, TrainingConfig tuned, boolean withBaseline, Path outDir) throws IOException {
        String task = corpus.task();
        List<LabeledText> train = corpus.split().train();
        progress.printf("[%s] extracting features of %d training texts%n", task, train.size());
        var feats = cache.features(train);
        List<String> labels = train.stream().map(LabeledText::label).toList();
        long t0 = System.nanoTime();
        progress.printf("[%s] training MAXENT_QN %s%n", task, tuned.asMap());
        DocCategorizer model = trainer.train(task, feats, labels, corpus.counts(), tuned, corpus.sources());
        progress.printf("[%s] trained in %.0f s, %d features%n", task, (System.nanoTime() - t0) / 1e9,
                model.meta().vocabulary());
        Map<String, Metrics> tunedScores = evaluate(model, corpus);
        tunedScores.forEach((view, m) -> progress.printf("[%s] dev %-22s macro-F1 %.3f accuracy %.3f%n",
                task, view, m.macroF1(), m.accuracy()));
        // Saved before the baseline is trained, so a long baseline run never holds the model back.
        DocCategorizer saved = new CategorizerStore().save(model, outDir.resolve(task), scores(task, tunedScores, Map.of()));
        Map<String, Metrics> baseScores = Map.of();
        if (withBaseline) {
            progress.printf("[%s] training the TF-IDF logistic-regression baseline%n", task);
            DocCategorizer base = trainer.train(task, feats, labels, TrainingConfig.baseline(), corpus.sources());
            baseScores = evaluate(base, corpus);
            baseScores.forEach((view, m) -> progress.printf("[%s] baseline %-17s macro-F1 %.3f accuracy %.3f%n",
                    task, view, m.macroF1(), m.accuracy()));
            saved = new CategorizerStore().save(model, outDir.resolve(task), scores(task, tunedScores, baseScores));
        }
        return new Result(task, saved.version(), tunedScores, baseScores);
    }

    private static Map<String, Double> scores(String task, Map<String, Metrics> tuned, Map<String, Metrics> base) {
        Map<String, Double> dev = new LinkedHashMap<>();
        tuned.forEach((view, m) -> {
            dev.put(view + ".macroF1", round(m.macroF1()));
            dev.put(view + ".accuracy", round(m.accuracy()));
        });
        base.forEach((view, m) -> {
            dev.put("baseline." + view + ".macroF1", round(m.macroF1()));
            dev.put("baseline." + view + ".accuracy", round(m.accuracy()));
        });
        if (task.equals("conflict")) {
            addConflictScores("", tuned, dev);
            addConflictScores("baseline.", base, dev);
        }
        return dev;
    }

    /** Scores a model on every dev view of its corpus. */
    public Map<String, Metrics> evaluate(DocCategorizer model, TaskCorpus corpus) {
        Map<String, Metrics> out = new LinkedHashMap<>();
        corpus.devViews().forEach((view, examples) ->
                out.put(view, score(examples, text -> model.predict(cache.features(text)).label())));
        return out;
    }

    /**
     * Scores an answer computed from a text and its features (two models together, gated by the text's length, say)
     * on every dev view of a corpus.
     */
    public Map<String, Metrics> evaluate(TaskCorpus corpus, BiFunction<String, Features, String> answer) {
        Map<String, Metrics> out = new LinkedHashMap<>();
        corpus.devViews().forEach((view, examples) ->
                out.put(view, score(examples, text -> answer.apply(text, cache.features(text)))));
        return out;
    }

    /**
     * Scores an output the model's probabilities decide by a rule of its own (the {@code inappropriate} output from
     * the conflict model): {@code answer} maps a row's probabilities to a label comparable with the gold one.
     */
    public Metrics evaluate(DocCategorizer model, List<LabeledText> examples, Function<double[], String> answer) {
        return score(examples, text -> answer.apply(model.probabilities(cache.features(text))));
    }

    private static Metrics score(List<LabeledText> examples, Function<String, String> answer) {
        List<String> gold = new ArrayList<>(examples.size());
        List<String> pred = new ArrayList<>(examples.size());
        for (LabeledText t : examples) {
            gold.add(t.label());
            pred.add(answer.apply(t.text()));
        }
        return Metrics.of(gold, pred);
    }

    /** Recall and F1 of the conflict class per view: the figures the RUSSE and Skoltech tasks are quoted by. */
    private static void addConflictScores(String prefix, Map<String, Metrics> scores, Map<String, Double> dev) {
        scores.forEach((view, m) -> {
            Metrics.ClassScore conflict = m.perClass().get("conflict");
            if (conflict != null) {
                dev.put(prefix + view + ".conflictRecall", round(conflict.recall()));
                dev.put(prefix + view + ".conflictF1", round(conflict.f1()));
            }
        });
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
