package ru.otklik.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.CategorizerTrainer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.categorize.TrainingConfig;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.Split;
import ru.otklik.nlp.data.TaskCorpora;
import ru.otklik.nlp.eval.Metrics;
import ru.otklik.nlp.train.FeatureCache;
import ru.otklik.nlp.train.ShippedModelBuilder;

/**
 * {@code train --task T --input FILE --text-field X --label-field Y --out DIR} (a region's own data) and
 * {@code train --all --data DIR --out DIR [--only a,b]} (the shipped models from the shared datasets).
 */
final class TrainCommand {

    private final PrintStream err;

    TrainCommand(PrintStream err) {
        this.err = err;
    }

    int run(CliArgs args) throws IOException {
        if (args.flag("all")) {
            List<String> parts = args.option("only").map(s -> Arrays.asList(s.split(",")))
                    .orElse(ShippedModelBuilder.ALL);
            // "manifest" alone builds nothing: the manifest is rewritten after every build anyway.
            if (!parts.stream().allMatch(p -> ShippedModelBuilder.ALL.contains(p) || p.equals("manifest"))) {
                throw new CliArgs.UsageException("--only takes a comma-separated list of " + ShippedModelBuilder.ALL
                        + ", or manifest");
            }
            Double l2 = args.option("l2").map(Double::valueOf).orElse(null);
            new ShippedModelBuilder(err, l2).build(Path.of(args.option("data").orElse("../shared/datasets")),
                    Path.of(args.option("out").orElse("nlp-models")), parts);
            return 0;
        }
        String task = args.required("task");
        if (!TaskCorpora.TASKS.contains(task)) {
            throw new CliArgs.UsageException("--task must be one of " + TaskCorpora.TASKS);
        }
        Path input = Path.of(args.required("input"));
        List<LabeledText> rows = UserDataReader.read(input, args.required("text-field"), args.required("label-field"));
        err.printf("[%s] %d labelled rows from %s%n", task, rows.size(), input);
        TrainingConfig config = userConfig(task, rows.size());
        FeatureCache cache = new FeatureCache();
        CategorizerTrainer trainer = new CategorizerTrainer();
        Map<String, Double> dev = new LinkedHashMap<>();
        Split split = Split.byId(rows);
        if (rows.size() >= 50 && split.dev().size() >= 10 && distinct(split.train()) >= 2) {
            DocCategorizer probe = trainer.train(task, cache.features(split.train()), labels(split.train()), config,
                    List.of());
            List<String> pred = new ArrayList<>();
            for (LabeledText t : split.dev()) {
                pred.add(probe.predict(cache.features(t.text())).label());
            }
            Metrics m = Metrics.of(labels(split.dev()), pred);
            err.printf("[%s] held-out 20%% (CRC32 of row number): macro-F1 %.3f, accuracy %.3f%n%s%n", task,
                    m.macroF1(), m.accuracy(), m.toMarkdown());
            dev.put("heldout.macroF1", Math.round(m.macroF1() * 10000) / 10000.0);
            dev.put("heldout.accuracy", Math.round(m.accuracy() * 10000) / 10000.0);
        }
        DocCategorizer model = trainer.train(task, cache.features(rows), labels(rows), config,
                List.of(input.getFileName() + " (" + rows.size() + " rows, text " + args.required("text-field")
                        + ", label " + args.required("label-field") + ")"));
        Path out = Path.of(args.required("out"));
        DocCategorizer saved = new CategorizerStore().save(model, out.resolve(task), dev);
        err.printf("[%s] saved %s to %s (labels %s)%n", task, saved.version(), out.resolve(task), saved.labels());
        return 0;
    }

    /** The shipped settings, except that a small history keeps features seen once (there are few to lose). */
    static TrainingConfig userConfig(String task, int rows) {
        return ShippedModelBuilder.configFor(task).withMinDf(rows < 2000 ? 1 : 2);
    }

    private static List<String> labels(List<LabeledText> rows) {
        return rows.stream().map(LabeledText::label).toList();
    }

    private static long distinct(List<LabeledText> rows) {
        return rows.stream().map(LabeledText::label).distinct().count();
    }
}
