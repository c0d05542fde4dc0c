package ru.otklik.nlp.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.otklik.nlp.categorize.TrainingConfig;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.TaskCorpora;
import ru.otklik.nlp.data.TaskCorpus;
import ru.otklik.nlp.eval.Metrics;
import ru.otklik.nlp.eval.PairedBootstrap;
import ru.otklik.nlp.train.CrossValidation;
import ru.otklik.nlp.train.CrossValidation.Prediction;
import ru.otklik.nlp.train.ShippedModelBuilder;

/**
 * {@code crossval --task T [--data DIR | --input FILE --text-field X --label-field Y | --from FILE] [--folds 5]
 * [--out FILE] [--compare FILE]}: cross-validates a task with the shipped settings — on the shipped training data, or on a
 * region's own history before it retrains on it — and prints a Markdown summary. {@code --out} keeps every
 * held-out prediction as JSONL ({@code id, fold, gold, predicted}); {@code --compare} reads another system's
 * predictions for the same ids (same JSONL, {@code id} and {@code predicted} suffice) and adds a paired
 * bootstrap interval of the accuracy difference. {@code --from} re-reads an earlier {@code --out} instead of
 * training again, so one costly run can be compared with several other systems.
 */
final class CrossvalCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;

    CrossvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(CliArgs args) throws IOException {
        String task = args.required("task");
        if (task.equals(TaskCorpora.INCIDENT)) {
            return new IncidentCrossval(out, err).run(args);
        }
        if (!TaskCorpora.TASKS.contains(task)) {
            throw new CliArgs.UsageException("--task must be one of " + TaskCorpora.TASKS + " or " + TaskCorpora.INCIDENT);
        }
        HeldOut heldOut = heldOut(task, args);
        List<Prediction> predictions = heldOut.predictions();
        if (args.option("out").isPresent()) {
            write(predictions, Path.of(args.option("out").get()));
        }
        List<String> md = new ArrayList<>();
        long folds = predictions.stream().mapToInt(Prediction::fold).distinct().count();
        md.add("## " + task + ": " + folds + "-fold cross-validation on " + heldOut.source() + ", "
                + predictions.size() + " rows");
        md.add("");
        md.add("Generated " + LocalDate.now() + " by `java -jar target/quarkus-app/quarkus-run.jar "
                + String.join(" ", args.raw()) + "`.");
        md.add("");
        md.addAll(foldTable(predictions));
        if (args.option("compare").isPresent()) {
            Path other = Path.of(args.option("compare").get());
            md.add("");
            md.addAll(comparison(predictions, readPredictions(other), other.getFileName().toString()));
        }
        out.print(String.join("\n", md) + "\n");
        out.flush();
        return 0;
    }

    /** Held-out predictions and where they come from. */
    private record HeldOut(List<Prediction> predictions, String source) {
    }

    private HeldOut heldOut(String task, CliArgs args) throws IOException {
        if (args.option("from").isPresent()) {
            Path earlier = Path.of(args.option("from").get());
            List<Prediction> predictions = readHeldOut(earlier);
            if (predictions.isEmpty()) {
                throw new IllegalArgumentException(earlier.getFileName() + " has no predictions");
            }
            return new HeldOut(predictions, "the predictions in " + earlier.getFileName());
        }
        int folds = folds(args.option("folds").orElse("5"));
        List<LabeledText> rows;
        TrainingConfig config;
        String source;
        if (args.option("input").isPresent()) {
            Path input = Path.of(args.required("input"));
            rows = UserDataReader.read(input, args.required("text-field"), args.required("label-field"));
            config = TrainCommand.userConfig(task, rows.size());
            source = input.getFileName().toString();
        } else {
            rows = shippedData(task, args.datasets());
            config = ShippedModelBuilder.configFor(task);
            source = "the shipped " + task + " training data (train + dev)";
        }
        err.printf("[crossval] %s: %d rows, %d folds, %s%n", task, rows.size(), folds, config.asMap());
        return new HeldOut(new CrossValidation(err).run(task, rows, folds, config), source);
    }

    private static int folds(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new CliArgs.UsageException("--folds takes a whole number, got " + value);
        }
    }

    private static List<LabeledText> shippedData(String task, Path datasets) throws IOException {
        TaskCorpus corpus = TaskCorpora.at(datasets).build(task);
        List<LabeledText> rows = new ArrayList<>(corpus.split().train());
        rows.addAll(corpus.split().dev());
        return rows;
    }

    static List<String> foldTable(List<Prediction> predictions) {
        Map<Integer, List<Prediction>> byFold = new TreeMap<>();
        predictions.forEach(p -> byFold.computeIfAbsent(p.fold(), k -> new ArrayList<>()).add(p));
        List<String> md = new ArrayList<>();
        md.add("| fold | rows | accuracy | macro-F1 |");
        md.add("|---|---:|---:|---:|");
        byFold.forEach((fold, ps) -> md.add(row(String.valueOf(fold), metrics(ps))));
        md.add(row("**all**", metrics(predictions)));
        return md;
    }

    private static String row(String name, Metrics m) {
        return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f |", name, m.n(), m.accuracy(), m.macroF1());
    }

    private static Metrics metrics(List<Prediction> ps) {
        return Metrics.of(ps.stream().map(Prediction::gold).toList(), ps.stream().map(Prediction::predicted).toList());
    }

    private static List<String> comparison(List<Prediction> ours, Map<String, String> other, String otherName) {
        boolean[] a = new boolean[ours.size()];
        boolean[] b = new boolean[ours.size()];
        for (int i = 0; i < ours.size(); i++) {
            Prediction p = ours.get(i);
            String theirs = other.get(p.id());
            if (theirs == null) {
                throw new IllegalArgumentException(otherName + " has no prediction for id " + p.id());
            }
            a[i] = p.correct();
            b[i] = p.gold().equals(theirs);
        }
        PairedBootstrap bs = PairedBootstrap.of(a, b);
        return List.of(
                "| rows | ours | " + otherName + " | difference | 95 % interval (paired bootstrap, "
                        + PairedBootstrap.RESAMPLES + " resamples) |",
                "|---:|---:|---:|---:|---|",
                String.format(Locale.ROOT, "| %d | %.3f | %.3f | %+.3f | %+.3f to %+.3f |", bs.n(), bs.accuracyA(),
                        bs.accuracyB(), bs.difference(), bs.low(), bs.high()));
    }

    private static void write(List<Prediction> predictions, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Prediction p : predictions) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", p.id());
                line.put("fold", p.fold());
                line.put("gold", p.gold());
                line.put("predicted", p.predicted());
                w.write(JSON.writeValueAsString(line));
                w.newLine();
            }
        }
    }

    private static Map<String, String> readPredictions(Path file) throws IOException {
        Map<String, String> byId = new HashMap<>();
        for (JsonNode node : readJsonl(file, "id", "predicted")) {
            byId.put(node.get("id").asText(), node.get("predicted").asText());
        }
        return byId;
    }

    private static List<Prediction> readHeldOut(Path file) throws IOException {
        List<Prediction> out = new ArrayList<>();
        for (JsonNode node : readJsonl(file, "id", "fold", "gold", "predicted")) {
            out.add(new Prediction(node.get("id").asText(), node.get("fold").asInt(), node.get("gold").asText(),
                    node.get("predicted").asText()));
        }
        return out;
    }

    /** The objects of a JSONL file, each checked to have the given fields. */
    private static List<JsonNode> readJsonl(Path file, String... fields) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (JsonlFile.Line line : JsonlFile.read(file)) {
            for (String field : fields) {
                if (!line.node().path(field).isValueNode()) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + line.number() + " needs \""
                            + field + "\"");
                }
            }
            nodes.add(line.node());
        }
        return nodes;
    }
}
