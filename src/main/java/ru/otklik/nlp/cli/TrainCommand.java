package ru.otklik.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.CategorizerTrainer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.categorize.TrainingConfig;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.LabelledTraining;
import ru.otklik.nlp.data.Split;
import ru.otklik.nlp.data.TaskCorpora;
import ru.otklik.nlp.eval.Metrics;
import ru.otklik.nlp.train.FeatureCache;
import ru.otklik.nlp.train.ShippedModelBuilder;

/**
 * {@code train --task T --input FILE --text-field X --label-field Y --out DIR} (a region's own data) and
 * {@code train --all --data DIR --out DIR [--only a,b] [--labelled DIR] [--labelled-weight N]} (the shipped
 * models from the shared datasets and the labelled set's dev rows), and {@code train --tune-weights 0,5,10}
 * ({@link LabelledWeightTuning}).
 */
final class TrainCommand {

    private final PrintStream out;
    private final PrintStream err;

    TrainCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(CliArgs args) throws IOException {
        if (args.option("tune-weights").isPresent()) {
            return new LabelledWeightTuning(out, err).run(args);
        }
        if (args.flag("all")) {
            List<String> parts = args.option("only").map(s -> Arrays.asList(s.split(",")))
                    .orElse(ShippedModelBuilder.ALL);
            // "manifest" alone builds nothing: the manifest is rewritten after every build anyway.
            if (!parts.stream().allMatch(p -> ShippedModelBuilder.ALL.contains(p) || p.equals("manifest"))) {
                throw new CliArgs.UsageException("--only takes a comma-separated list of " + ShippedModelBuilder.ALL
                        + ", or manifest");
            }
            Double l2 = args.option("l2").map(Double::valueOf).orElse(null);
            Path data = Path.of(args.option("data").orElse("../shared/datasets"));
            Optional<LabelledTraining> labelled = labelled(args, Optional.of(data), true);
            new ShippedModelBuilder(err, l2, labelled).build(data, Path.of(args.option("out").orElse("nlp-models")),
                    parts);
            return 0;
        }
        String task = args.required("task");
        if (!TaskCorpora.TRAINABLE.contains(task)) {
            throw new CliArgs.UsageException("--task must be one of " + TaskCorpora.TRAINABLE);
        }
        Path input = Path.of(args.required("input"));
        List<LabeledText> rows = UserDataReader.read(input, args.required("text-field"), args.required("label-field"));
        err.printf("[%s] %d labelled rows from %s%n", task, rows.size(), input);
        Optional<LabelledTraining> labelled = labelled(args, args.option("data").map(Path::of), false);
        // The labelled set's rows only ever train: the held-out score below is on the user's own rows.
        List<LabeledText> inDomain = labelled.map(l -> l.forTask(task)).orElse(List.of());
        labelled.ifPresent(l -> err.printf("[%s] + %d rows from the labelled set's dev part (%d texts × %d)%n", task,
                inDomain.size(), inDomain.size() / l.weight(), l.weight()));
        TrainingConfig config = userConfig(task, rows.size());
        FeatureCache cache = new FeatureCache();
        CategorizerTrainer trainer = new CategorizerTrainer();
        Map<String, Double> dev = new LinkedHashMap<>();
        Split split = Split.byId(rows);
        if (rows.size() >= 50 && split.dev().size() >= 10 && distinct(split.train()) >= 2) {
            List<LabeledText> probeRows = concat(split.train(), inDomain);
            DocCategorizer probe = trainer.train(task, cache.features(probeRows), labels(probeRows), config,
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
        List<String> sources = new ArrayList<>(List.of(input.getFileName() + " (" + rows.size() + " rows, text "
                + args.required("text-field") + ", label " + args.required("label-field") + ")"));
        labelled.ifPresent(l -> sources.add("labelled set dev rows (never a test row): " + inDomain.size() / l.weight()
                + " texts, each repeated " + l.weight() + " times"));
        List<LabeledText> all = concat(rows, inDomain);
        DocCategorizer model = trainer.train(task, cache.features(all), labels(all), config, sources);
        Path out = Path.of(args.required("out"));
        DocCategorizer saved = new CategorizerStore().save(model, out.resolve(task), dev);
        err.printf("[%s] saved %s to %s (labels %s)%n", task, saved.version(), out.resolve(task), saved.labels());
        return 0;
    }

    /**
     * The labelled set's dev rows: for {@code train --all} from {@code --labelled DIR} or {@code labelled/} when it
     * exists; for {@code train --task} only when {@code --labelled DIR} is given. {@code --labelled-weight N}
     * repeats each row N times (default {@link LabelledTraining#DEFAULT_WEIGHT}).
     */
    private Optional<LabelledTraining> labelled(CliArgs args, Optional<Path> datasets, boolean byDefault)
            throws IOException {
        Optional<Path> dir = args.option("labelled").map(Path::of)
                .or(() -> byDefault ? Optional.of(Path.of(EvaluateCommand.LABELLED)) : Optional.empty());
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        if (!Files.isDirectory(dir.get())) {
            if (args.option("labelled").isPresent()) {
                throw new CliArgs.UsageException("labelled set not found at " + dir.get().toAbsolutePath());
            }
            err.printf("[train] no labelled set at %s: complaint and topic without it, no incident_type%n",
                    dir.get().toAbsolutePath());
            return Optional.empty();
        }
        int weight = args.option("labelled-weight").map(Integer::valueOf).orElse(LabelledTraining.DEFAULT_WEIGHT);
        try {
            LabelledTraining l = LabelledTraining.read(dir.get(), datasets, weight);
            err.printf("[train] labelled set %s: %d dev rows (test rows never used), weight %d%n", dir.get(),
                    l.rows().size(), weight);
            return Optional.of(l);
        } catch (IllegalArgumentException e) {
            throw new CliArgs.UsageException(e.getMessage());
        }
    }

    /** The shipped settings, except that a small history keeps features seen once (there are few to lose). */
    static TrainingConfig userConfig(String task, int rows) {
        return ShippedModelBuilder.configFor(task).withMinDf(rows < 2000 ? 1 : 2);
    }

    private static List<String> labels(List<LabeledText> rows) {
        return rows.stream().map(LabeledText::label).toList();
    }

    private static List<LabeledText> concat(List<LabeledText> a, List<LabeledText> b) {
        List<LabeledText> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static long distinct(List<LabeledText> rows) {
        return rows.stream().map(LabeledText::label).distinct().count();
    }
}
