package ru.otklik.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ru.otklik.nlp.TextAnalyzer;
import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.data.LabelledTraining;
import ru.otklik.nlp.data.TaskCorpora;
import ru.otklik.nlp.eval.IncidentEvaluation;
import ru.otklik.nlp.eval.IncidentEvaluation.Judged;
import ru.otklik.nlp.eval.Metrics;
import ru.otklik.nlp.train.CategorizerBuild;
import ru.otklik.nlp.train.FeatureCache;
import ru.otklik.nlp.train.ShippedModelBuilder;

/**
 * {@code train --tune-weights 0,5,10 [--only topic,incident_type] [--fold 0] [--folds 5]
 * [--labelled DIR] [--data DIR] [--models DIR] [--out DIR] [--reuse]}: chooses how many times each labelled dev row is
 * repeated in training (for topic; the complaint model no longer learns them, and the incident decision is
 * cross-validated by {@code crossval --task incident}), on dev rows the models have not seen.
 *
 * <p>For each weight the chosen tasks are trained on the shipped corpora plus the labelled dev rows outside
 * one fold (CRC32 of {@code <id>#fold}), then the service's whole decision ({@link TextAnalyzer} with the
 * shipped rules and the other shipped models) is scored on the rows of that fold. Weight 0 trains without the
 * labelled set (the previous recipe). Test rows are never read into training nor scored here.
 */
final class LabelledWeightTuning {

    private static final double[] THRESHOLDS = {0.3, 0.5, 0.7, 0.8, 0.9, 0.95};
    private static final List<String> TUNABLE = List.of("topic", TaskCorpora.INCIDENT_TYPE);

    private final PrintStream out;
    private final PrintStream err;

    LabelledWeightTuning(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(CliArgs args) throws IOException {
        Path data = args.datasets();
        Path models = args.models();
        Path labelledDir = args.labelled();
        List<Integer> weights = args.list("tune-weights", args.required("tune-weights"), Integer::valueOf);
        List<String> tasks = List.of(args.option("only").orElse("topic").split(","));
        if (!TUNABLE.containsAll(tasks) || weights.stream().anyMatch(w -> w < 0)) {
            throw new CliArgs.UsageException("--tune-weights takes weights ≥ 0 and --only a subset of " + TUNABLE);
        }
        int folds = Integer.parseInt(args.option("folds").orElse("5"));
        int fold = Integer.parseInt(args.option("fold").orElse("0"));
        Path work = args.option("out").map(Path::of).orElse(Files.createTempDirectory("otklik-tune"));
        LabelledTraining dev;
        try {
            dev = LabelledTraining.read(labelledDir, Optional.of(data), 1);
        } catch (IllegalArgumentException e) {
            throw new CliArgs.UsageException(e.getMessage());
        }
        List<LabelledPosts.Post> heldOut = dev.rows().stream()
                .filter(p -> LabelledTraining.fold(p.id(), folds) == fold).toList();
        err.printf("[tune] %d labelled dev rows; fold %d of %d held out: %d rows (%d incidents)%n", dev.rows().size(),
                fold, folds, heldOut.size(), heldOut.stream().filter(LabelledPosts.Post::isIncident).count());
        FeatureCache cache = new FeatureCache();
        CategorizerBuild build = new CategorizerBuild(cache, err);
        List<String> md = new ArrayList<>();
        md.add(String.format(Locale.ROOT, "Held-out fold %d of %d of the labelled dev rows (%d rows: %d problems, "
                        + "%d questions, %d none); tasks retrained: %s", fold, folds, heldOut.size(),
                count(heldOut, "problem"), count(heldOut, "question"), count(heldOut, "none"), String.join(", ", tasks)));
        md.add("");
        md.add("| weight | threshold | problem recall | question recall | false alarms | type accuracy | "
                + "topic accuracy | Kursk topic macro-F1 / accuracy |");
        md.add("|---:|---:|---:|---:|---:|---:|---:|---|");
        for (int weight : weights) {
            Optional<LabelledTraining> labelled = weight == 0 ? Optional.empty()
                    : Optional.of(dev.withoutFold(fold, folds).withWeight(weight));
            TaskCorpora corpora = TaskCorpora.at(data, labelled);
            Path dir = work.resolve("w" + weight);
            String kursk = "";
            for (String task : tasks) {
                if (labelled.isEmpty() && task.equals(TaskCorpora.INCIDENT_TYPE)) {
                    continue;
                }
                // --reuse re-scores models an earlier run left in --out (after a rules change, say).
                if (args.flag("reuse") && CategorizerStore.exists(dir.resolve(task))) {
                    err.printf("[tune] weight %d: %s reused from %s%n", weight, task, dir.resolve(task));
                    continue;
                }
                err.printf("[tune] weight %d: %s%n", weight, task);
                CategorizerBuild.Result r = build.run(corpora.build(task), ShippedModelBuilder.configFor(task), false,
                        dir);
                Metrics k = r.tuned().get("kursk");
                if (k != null) {
                    kursk = String.format(Locale.ROOT, "%.3f / %.3f", k.macroF1(), k.accuracy());
                }
            }
            TextAnalyzer analyzer = TextAnalyzer.load(models, Optional.of(dir));
            List<Judged> judged = heldOut.stream().map(p -> new Judged(p, analyzer.analyze(p.id(), p.text()))).toList();
            for (double t : THRESHOLDS) {
                IncidentEvaluation.Scores s = IncidentEvaluation.score(
                        judged.stream().map(j -> LabelledReport.atThreshold(j, t)).toList());
                md.add(String.format(Locale.ROOT, "| %d | %.2f | %s | %s | %s | %s | %s | %s |", weight, t,
                        IncidentEvaluation.pct(s.problemRecall()), IncidentEvaluation.pct(s.questionRecall()),
                        IncidentEvaluation.pct(s.falseAlarms()), IncidentEvaluation.pct(s.typeAccuracy()),
                        IncidentEvaluation.pct(s.topicAccuracy()), kursk));
            }
            out.println(md.get(md.size() - 1));
            out.flush();
        }
        out.println();
        md.forEach(out::println);
        out.flush();
        return 0;
    }

    private static long count(List<LabelledPosts.Post> posts, String incident) {
        return posts.stream().filter(p -> p.incident().equals(incident)).count();
    }
}
