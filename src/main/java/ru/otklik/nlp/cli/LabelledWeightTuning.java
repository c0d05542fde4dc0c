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
import ru.otklik.nlp.TopicBlend;
import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.TrainingConfig;
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
 * {@code train --tune-weights 0,5,10 [--only topic,topic_informal,incident_type] [--fold 0|all] [--folds 5]
 * [--l2 X] [--labelled DIR] [--data DIR] [--models DIR] [--out DIR] [--reuse] [--misses FILE]
 * [--topic-blend 0,0.3,0.5@200]}: chooses how many times
 * each labelled dev row is repeated in training (for topic; the complaint model no longer learns them, and the
 * incident decision is cross-validated by {@code crossval --task incident}), on dev rows the models have not seen.
 *
 * <p>For each weight the chosen tasks are trained on the shipped corpora plus the labelled dev rows outside
 * one fold (CRC32 of {@code <id>#fold}), then the service's whole decision ({@link TextAnalyzer} with the
 * shipped rules and the other shipped models) is scored on the rows of that fold. {@code --fold all} does so
 * for every fold in turn (K-fold cross-validation: every dev row is scored once by models that never saw it)
 * and scores the pooled predictions; {@code --misses FILE} writes every pooled judgement with its kind of
 * error (or {@code ok}), which is what topic rules are checked against. Weight 0 trains without the labelled
 * set (the previous recipe), once for all folds. Test rows are never read into training nor scored here.
 *
 * <p>With topic (or {@code --only topic_informal}, the shipped topic model kept) the in-domain topic model is trained
 * per fold as well, so that the blended topic is out of fold; {@code --topic-blend W,…} scores the topic accuracy
 * of other blends ({@code W}, or {@code W@L}: only texts shorter than L letters blended, {@link TopicBlend#parse})
 * beside the shipped one ({@link TopicBlend#DEFAULT}), each with its own {@code --misses} file.
 */
final class LabelledWeightTuning {

    private static final double[] THRESHOLDS = {0.3, 0.5, 0.7, 0.8, 0.9, 0.95};
    private static final List<String> TUNABLE = List.of("topic", TaskCorpora.TOPIC_INFORMAL, TaskCorpora.INCIDENT_TYPE);

    private final PrintStream out;
    private final PrintStream err;

    LabelledWeightTuning(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(CliArgs args) throws IOException {
        Optional<Double> l2 = l2(args);
        Path data = args.datasets();
        Path models = args.models();
        Path labelledDir = args.labelled();
        List<Integer> weights = args.list("tune-weights", args.required("tune-weights"), Integer::valueOf);
        List<String> tasks = List.of(args.option("only").orElse("topic").split(","));
        List<TopicBlend> blends = topicBlends(args);
        if (!TUNABLE.containsAll(tasks) || weights.stream().anyMatch(w -> w < 0)) {
            throw new CliArgs.UsageException("--tune-weights takes weights ≥ 0 and --only a subset of " + TUNABLE);
        }
        int folds = Integer.parseInt(args.option("folds").orElse("5"));
        String foldArg = args.option("fold").orElse("0");
        List<Integer> foldList = foldArg.equals("all") ? java.util.stream.IntStream.range(0, folds).boxed().toList()
                : List.of(Integer.parseInt(foldArg));
        Path work = args.option("out").map(Path::of).orElse(Files.createTempDirectory("otklik-tune"));
        LabelledTraining dev;
        try {
            dev = LabelledTraining.read(labelledDir, Optional.of(data), 1);
        } catch (IllegalArgumentException e) {
            throw new CliArgs.UsageException(e.getMessage());
        }
        List<LabelledPosts.Post> heldOut = dev.rows().stream()
                .filter(p -> foldList.contains(LabelledTraining.fold(p.id(), folds))).toList();
        err.printf("[tune] %d labelled dev rows; fold %s of %d held out: %d rows (%d incidents)%n", dev.rows().size(),
                foldArg, folds, heldOut.size(), heldOut.stream().filter(LabelledPosts.Post::isIncident).count());
        FeatureCache cache = new FeatureCache();
        CategorizerBuild build = new CategorizerBuild(cache, err);
        List<String> md = new ArrayList<>();
        md.add(String.format(Locale.ROOT, "Held-out fold %s of %d of the labelled dev rows (%d rows: %d problems, "
                        + "%d questions, %d none); tasks retrained: %s", foldArg, folds, heldOut.size(),
                count(heldOut, "problem"), count(heldOut, "question"), count(heldOut, "none"), String.join(", ", tasks)));
        md.add("");
        md.add("| weight | threshold | problem recall | question recall | false alarms | type accuracy | "
                + "topic accuracy | Kursk topic macro-F1 / accuracy |");
        md.add("|---:|---:|---:|---:|---:|---:|---:|---|");
        List<String> blendRows = new ArrayList<>();
        for (int weight : weights) {
            // one list of judgements per in-domain blend weight, the first the shipped one
            List<List<Judged>> judgedByBlend = new ArrayList<>();
            blends.forEach(b -> judgedByBlend.add(new ArrayList<>()));
            List<Judged> judged = judgedByBlend.get(0);
            List<String> kursk = new ArrayList<>();
            for (int fold : foldList) {
                // Without the labelled set every fold trains the same model: train it once.
                Path dir = work.resolve(weight == 0 || foldList.size() == 1 ? "w" + weight : "w" + weight + "-f" + fold);
                Optional<LabelledTraining> labelled = weight == 0 ? Optional.empty()
                        : Optional.of(dev.withoutFold(fold, folds).withWeight(weight));
                trainFold(args, l2, tasks, build, TaskCorpora.at(data, labelled), labelled.isPresent(), weight, fold, dir)
                        .ifPresent(kursk::add);
                for (int b = 0; b < blends.size(); b++) {
                    TextAnalyzer analyzer = TextAnalyzer.load(models, Optional.of(dir), blends.get(b));
                    List<Judged> into = judgedByBlend.get(b);
                    heldOut.stream().filter(p -> LabelledTraining.fold(p.id(), folds) == fold)
                            .forEach(p -> into.add(new Judged(p, analyzer.analyze(p.id(), p.text()))));
                }
            }
            if (args.option("misses").isPresent()) {
                for (int b = 0; b < blends.size(); b++) {
                    // the shipped blend under the name given, every other one beside it with its weight
                    String suffix = b == 0 ? "" : "-blend" + blends.get(b).spec();
                    String pattern = args.option("misses").get();
                    Path misses = Path.of(pattern.contains("{w}") ? pattern.replace("{w}", weight + suffix)
                            : pattern + suffix);
                    LabelledReport.writeJudgements(judgedByBlend.get(b), misses, true, err);
                }
            }
            for (double t : THRESHOLDS) {
                IncidentEvaluation.Scores s = IncidentEvaluation.score(
                        judged.stream().map(j -> LabelledReport.atThreshold(j, t)).toList());
                md.add(String.format(Locale.ROOT, "| %d | %.2f | %s | %s | %s | %s | %s | %s |", weight, t,
                        IncidentEvaluation.pct(s.problemRecall()), IncidentEvaluation.pct(s.questionRecall()),
                        IncidentEvaluation.pct(s.falseAlarms()), IncidentEvaluation.pct(s.typeAccuracy()),
                        IncidentEvaluation.pct(s.topicAccuracy()), String.join("; ", kursk)));
            }
            out.println(md.get(md.size() - 1));
            for (int b = 1; b < blends.size(); b++) {
                IncidentEvaluation.Scores s = IncidentEvaluation.score(judgedByBlend.get(b));
                blendRows.add(String.format(Locale.ROOT, "| %d | %s | %s | %d |", weight, blends.get(b).spec(),
                        IncidentEvaluation.pct(s.topicAccuracy()), s.topicCount()));
            }
            if (blends.size() > 1) {
                blendRows.add(String.format(Locale.ROOT, "| %d | %s (shipped) | %s | %d |", weight,
                        blends.get(0).spec(), IncidentEvaluation.pct(IncidentEvaluation.score(judged).topicAccuracy()),
                        IncidentEvaluation.score(judged).topicCount()));
            }
            out.flush();
        }
        if (!blendRows.isEmpty()) {
            md.add("");
            md.add("Topic accuracy with the in-domain topic model (trained per fold on the labelled incidents outside it) "
                    + "blended in at weight w, at the shipped threshold:");
            md.add("");
            md.add("| weight | in-domain w | topic accuracy | incidents |");
            md.add("|---:|---:|---:|---:|");
            md.addAll(blendRows);
        }
        out.println();
        md.forEach(out::println);
        out.flush();
        return 0;
    }

    /**
     * Trains the chosen tasks of one weight without one fold into {@code dir}; returns the topic model's Kursk dev
     * macro-F1 / accuracy when it was trained now (not reused).
     */
    private Optional<String> trainFold(CliArgs args, Optional<Double> l2, List<String> tasks, CategorizerBuild build,
                                       TaskCorpora corpora, boolean withLabelled, int weight, int fold, Path dir)
            throws IOException {
        String kursk = null;
        for (String task : tasks) {
            if (!withLabelled && task.equals(TaskCorpora.INCIDENT_TYPE)) {
                continue;
            }
            // --reuse re-scores models an earlier run left in --out (after a rules change, say); so does a
            // fold-independent model already trained for an earlier fold of this run.
            if ((args.flag("reuse") || !withLabelled && fold > 0) && CategorizerStore.exists(dir.resolve(task))) {
                err.printf("[tune] weight %d: %s reused from %s%n", weight, task, dir.resolve(task));
                continue;
            }
            err.printf("[tune] weight %d, fold %d: %s%n", weight, fold, task);
            // --l2 X tries another L2 cost for the retrained tasks, as train --all --l2 X would ship it
            TrainingConfig config = l2.map(ShippedModelBuilder.configFor(task)::withL2)
                    .orElse(ShippedModelBuilder.configFor(task));
            CategorizerBuild.Result r = build.run(corpora.build(task), config, false, dir);
            Metrics k = r.tuned().get("kursk");
            if (k != null) {
                kursk = String.format(Locale.ROOT, "%.3f / %.3f", k.macroF1(), k.accuracy());
            }
        }
        // The in-domain topic model learns the same labelled rows as topic: trained per fold beside it (seconds), so
        // that the blended topic is out of fold too and a shipped in-domain model never scores rows it saw.
        if (tasks.contains("topic") && withLabelled
                && !(args.flag("reuse") && CategorizerStore.exists(dir.resolve(TaskCorpora.TOPIC_INFORMAL)))) {
            err.printf("[tune] weight %d, fold %d: %s%n", weight, fold, TaskCorpora.TOPIC_INFORMAL);
            build.run(corpora.build(TaskCorpora.TOPIC_INFORMAL),
                    ShippedModelBuilder.configFor(TaskCorpora.TOPIC_INFORMAL), false, dir);
        }
        return Optional.ofNullable(kursk);
    }

    /**
     * {@code --topic-blend 0,0.3,0.5@200}: the in-domain topic model's blends to score beside the shipped one
     * ({@link TopicBlend#DEFAULT}, always first).
     */
    static List<TopicBlend> topicBlends(CliArgs args) {
        List<TopicBlend> out = new ArrayList<>(List.of(TopicBlend.DEFAULT));
        // a weight outside [0, 1] or not a number is a usage error naming the option (CliArgs.list)
        args.option("topic-blend").ifPresent(v -> out.addAll(args.list("topic-blend", v,
                TopicBlend::parse)));
        return out;
    }

    /** {@code --l2 X}: a positive L2 cost, checked before an hour of training rather than after it. */
    static Optional<Double> l2(CliArgs args) {
        if (args.option("l2").isEmpty()) {
            return Optional.empty();
        }
        String value = args.option("l2").get();
        try {
            double cost = Double.parseDouble(value);
            if (cost > 0 && Double.isFinite(cost)) {
                return Optional.of(cost);
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new CliArgs.UsageException("--l2 takes a positive number, got " + value);
    }

    private static long count(List<LabelledPosts.Post> posts, String incident) {
        return posts.stream().filter(p -> p.incident().equals(incident)).count();
    }
}
