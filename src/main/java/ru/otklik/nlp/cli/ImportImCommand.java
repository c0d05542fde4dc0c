package ru.otklik.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import ru.otklik.analysis.Rubric;
import ru.otklik.im.ImExport;
import ru.otklik.im.ImExportException;
import ru.otklik.im.ImIncident;
import ru.otklik.im.ImTasks;
import ru.otklik.im.ImTasks.TaskRows;
import ru.otklik.im.Progress;
import ru.otklik.im.TopicMap;
import ru.otklik.im.history.HistoryImport;
import ru.otklik.nlp.ModelsDir;
import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.CategorizerTrainer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.categorize.TrainingConfig;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.eval.Metrics;
import ru.otklik.nlp.train.CrossValidation;
import ru.otklik.nlp.train.FeatureCache;

/**
 * {@code import-im --input export.xlsx|.csv --out DIR [--map topics.tsv] [--history] [--folds 5]}: trains a
 * region's topic, agency, incident-type and reply models from its «Инцидент Менеджмент» export with the same
 * training code and model format as {@code train --task}, cross-validates each like {@code crossval}, and
 * writes {@code IMPORT-REPORT.md} and the editable {@code topic-map.tsv}. With {@code --history} it then loads
 * the export's incidents into the database as closed historical incidents ({@link HistoryImport}).
 */
final class ImportImCommand {

    static final String REPORT = "IMPORT-REPORT.md";
    static final String MAP = "topic-map.tsv";

    private final PrintStream err;

    ImportImCommand(PrintStream err) {
        this.err = err;
    }

    int run(CliArgs args) throws IOException {
        Path input = Path.of(args.required("input"));
        Path out = Path.of(args.required("out"));
        int folds = folds(args.option("folds").orElse("5"));
        Progress progress = Progress.onConsole(err);
        ImExport export;
        try {
            if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
                throw new ImExportException("cannot read " + input + ": no such file");
            }
            export = ImExport.read(input, progress);
        } catch (ImExportException | NoSuchFileException | UncheckedIOException e) {
            err.println("error: " + oneLine(e));
            return 2;
        } catch (IOException e) {
            err.println("error: cannot read " + input.getFileName() + ": " + oneLine(e));
            return 2;
        }
        progress.say(String.format(Locale.ROOT, "[import-im] %s: %,d incidents, %,d bad rows %s", input.getFileName(),
                export.incidents().size(), export.badRows(), export.bad()));
        Map<String, String> rubric = Rubric.load(ModelsDir.resolve().resolve("rules/rubric.tsv")).topics();
        Map<String, Long> groups = export.incidents().stream().filter(i -> !i.topicGroup().isEmpty())
                .collect(Collectors.groupingBy(ImIncident::topicGroup, LinkedHashMap::new, Collectors.counting()));
        TopicMap topics = TopicMap.auto(List.copyOf(groups.keySet()), rubric);
        if (args.option("map").isPresent()) {
            topics = topics.with(Path.of(args.option("map").get()), rubric);
        }
        Files.createDirectories(out);
        topics.write(out.resolve(MAP), groups);
        List<TaskRows> tasks = ImTasks.of(export, topics);
        List<String> report = header(args, export, topics);
        int total = tasks.stream().mapToInt(t -> t.skipped().isPresent() ? 0 : folds + 1).sum();
        Steps steps = new Steps(progress, total);
        for (TaskRows task : tasks) {
            report.add("");
            report.addAll(train(task, folds, out, input, steps));
        }
        Files.write(out.resolve(REPORT), report, StandardCharsets.UTF_8);
        progress.say("[import-im] wrote " + out.resolve(REPORT) + " and " + out.resolve(MAP));
        if (args.flag("history")) {
            try (HistoryImport history = HistoryImport.fromEnvironment(progress)) {
                progress.say("[import-im] history: " + history.load(export, topics));
            } catch (java.sql.SQLException e) {
                err.println("error: the database refused the history: " + oneLine(e));
                return 1;
            }
        }
        return 0;
    }

    /** Counts training steps (every fold and every final training) for the progress bar. */
    private static final class Steps {
        private final Progress progress;
        private final int total;
        private int done;

        Steps(Progress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        void next(String what) {
            progress.step(++done, total, what);
        }
    }

    private List<String> train(TaskRows task, int folds, Path out, Path input, Steps steps) throws IOException {
        List<String> md = new ArrayList<>();
        md.add("## " + task.task());
        md.add("");
        md.add("Labels from " + task.source() + ".");
        if (task.skipped().isPresent()) {
            md.add("");
            md.add("**Skipped:** " + task.skipped().get() + ".");
            err.printf("[import-im] %s skipped: %s%n", task.task(), task.skipped().get());
            return md;
        }
        List<LabeledText> rows = task.rows();
        Map<String, Long> labels = rows.stream().collect(Collectors.groupingBy(LabeledText::label,
                java.util.TreeMap::new, Collectors.counting()));
        md.add("");
        md.add(rows.size() + " rows, " + labels.size() + " labels: " + labels.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ".");
        if (!task.dropped().isEmpty()) {
            md.add("Left out, fewer than " + ImTasks.MIN_PER_LABEL + " rows: " + task.dropped().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ".");
        }
        TrainingConfig config = TrainCommand.userConfig(task.task(), rows.size());
        md.add("");
        Map<String, Double> scores = new LinkedHashMap<>();
        try {
            List<CrossValidation.Prediction> predictions = new CrossValidation(new FoldSteps(steps, task.task()))
                    .run(task.task(), rows, folds, config);
            md.add("### " + folds + "-fold cross-validation");
            md.add("");
            md.addAll(CrossvalCommand.foldTable(predictions));
            Metrics all = Metrics.of(predictions.stream().map(CrossValidation.Prediction::gold).toList(),
                    predictions.stream().map(CrossValidation.Prediction::predicted).toList());
            md.add("");
            md.add(all.toMarkdown());
            scores.put("cv.macroF1", Math.round(all.macroF1() * 10000) / 10000.0);
            scores.put("cv.accuracy", Math.round(all.accuracy() * 10000) / 10000.0);
        } catch (IllegalArgumentException e) {
            md.add("Cross-validation not possible: " + e.getMessage() + ".");
            for (int k = 0; k < folds; k++) {
                steps.next(task.task() + " fold " + k + " skipped");
            }
        }
        steps.next(task.task() + ": training on all " + rows.size() + " rows");
        DocCategorizer model = new CategorizerTrainer().train(task.task(), new FeatureCache().features(rows),
                rows.stream().map(LabeledText::label).toList(), config,
                List.of(input.getFileName() + " (" + rows.size() + " rows, labels from " + task.source() + ")"));
        DocCategorizer saved = new CategorizerStore().save(model, out.resolve(task.task()), scores);
        md.add("");
        md.add("Saved " + saved.version() + " to `" + out.resolve(task.task()) + "`.");
        return md;
    }

    /** Turns CrossValidation's per-fold lines into progress steps. */
    private static final class FoldSteps extends PrintStream {
        FoldSteps(Steps steps, String task) {
            super(new java.io.OutputStream() {
                private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

                @Override
                public void write(int b) {
                    if (b == '\n') {
                        steps.next(task + ": " + line.toString(StandardCharsets.UTF_8).replace("[crossval] ", ""));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }, true, StandardCharsets.UTF_8);
        }
    }

    private static List<String> header(CliArgs args, ImExport export, TopicMap topics) {
        List<String> md = new ArrayList<>();
        md.add("# Import of an «Инцидент Менеджмент» export: " + export.file().getFileName());
        md.add("");
        md.add("Generated " + LocalDate.now() + " by `java -jar target/quarkus-app/quarkus-run.jar "
                + String.join(" ", args.raw()) + "`.");
        md.add("");
        md.add(String.format(Locale.ROOT, "- incidents read: %d; bad rows left out: %d", export.incidents().size(),
                export.badRows()));
        export.bad().forEach((reason, n) -> md.add("  - " + reason + ": " + n));
        md.add("- columns found: " + export.columns().stream().map(c -> "«" + c.header() + "»")
                .collect(Collectors.joining(", ")));
        long unmatched = topics.entries().stream().filter(e -> e.code().equals(TopicMap.NONE)).count();
        md.add("- topic groups: " + topics.entries().size() + ", mapped to no rubric code: " + unmatched
                + (unmatched > 0 ? " (see " + MAP + ", edit and pass it back with --map)" : ""));
        return md;
    }

    private static int folds(String value) {
        try {
            int folds = Integer.parseInt(value);
            if (folds < 2) {
                throw new CliArgs.UsageException("--folds must be at least 2, got " + value);
            }
            return folds;
        } catch (NumberFormatException e) {
            throw new CliArgs.UsageException("--folds takes a whole number, got " + value);
        }
    }

    private static String oneLine(Exception e) {
        String m = e instanceof NoSuchFileException n ? "no such file: " + n.getFile() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s*\\R\\s*", " ");
    }
}
