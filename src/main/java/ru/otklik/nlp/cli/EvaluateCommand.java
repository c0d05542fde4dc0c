package ru.otklik.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.otklik.nlp.InappropriateRule;
import ru.otklik.nlp.ModelsDir;
import ru.otklik.nlp.TopicBlend;
import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.LabelledTraining;
import ru.otklik.nlp.data.SharedDatasets;
import ru.otklik.nlp.data.TaskCorpora;
import ru.otklik.nlp.data.TaskCorpus;
import ru.otklik.nlp.eval.Metrics;
import ru.otklik.nlp.eval.RussianCoverage;
import ru.otklik.nlp.lang.LanguageIdentifier;
import ru.otklik.nlp.train.CategorizerBuild;
import ru.otklik.nlp.train.FeatureCache;

/**
 * {@code evaluate [--data DIR] [--models DIR] [--report FILE] [--labelled DIR] [--only tasks,labelled]
 * [--misses FILE]}:
 * scores every shipped model on its dev splits and prints a Markdown report (per-class precision/recall/F1,
 * macro-F1) with the model versions and the baseline figures recorded at training time, then the service's
 * incident decision on the hand-labelled social-media set ({@link LabelledReport}) and the share of RuSentiTweet's
 * dev split detected as Russian.
 */
final class EvaluateCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The hand-labelled social-media set's directory, and its name in {@code --only}. */
    static final String LABELLED = "labelled";

    private final PrintStream out;
    private final PrintStream err;

    EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(CliArgs args) throws IOException {
        Path models = args.option("models").map(Path::of).orElse(ModelsDir.resolve());
        List<String> only = args.option("only").map(o -> List.of(o.split(","))).orElse(List.of());
        if (!only.stream().allMatch(o -> TaskCorpora.TASKS.contains(o) || o.equals(LABELLED))) {
            throw new CliArgs.UsageException("--only takes a comma-separated list of " + TaskCorpora.TASKS
                    + " and " + LABELLED);
        }
        Path labelledDir = Path.of(args.option("labelled").orElse(LABELLED));
        // The dev views leave out the texts the labelled set trained, as at training time.
        TaskCorpora corpora = TaskCorpora.at(args.datasets(), Files.isDirectory(labelledDir)
                ? Optional.of(LabelledTraining.read(labelledDir, Optional.of(args.datasets()), 1)) : Optional.empty());
        CategorizerBuild scorer = new CategorizerBuild(new FeatureCache(), err);
        List<String> md = new ArrayList<>();
        md.add("# Otklik NLP models — evaluation report");
        md.add("");
        md.add("Generated " + LocalDate.now() + " by `java -jar target/quarkus-app/quarkus-run.jar evaluate` "
                + "on the dev splits described in `docs/nlp.md` (never on held-back test files).");
        md.add("");
        StringBuilder summary = new StringBuilder();
        summary.append("| task | dev view | metric | ours | our LR baseline | published baseline (held-back test) |\n");
        summary.append("|---|---|---|---:|---:|---:|\n");
        List<String> details = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        textModels(models, versions, details);
        for (String task : TaskCorpora.TASKS) {
            if (!only.isEmpty() && !only.contains(task)) {
                continue;
            }
            err.printf("[evaluate] %s%n", task);
            DocCategorizer model = new CategorizerStore().load(models.resolve(task));
            versions.add("| " + task + " | `" + model.version() + "` | " + model.meta().trainDocs() + " docs, "
                    + model.meta().vocabulary() + " features |");
            TaskCorpus corpus = corpora.build(task);
            // the topic as the analysis answers it: blended with the in-domain topic model when there is one
            Path informal = models.resolve(TaskCorpora.TOPIC_INFORMAL);
            Map<String, Metrics> scores;
            if (task.equals("topic") && CategorizerStore.exists(informal)) {
                DocCategorizer local = new CategorizerStore().load(informal);
                scores = scorer.evaluate(corpus, (text, f) -> TopicBlend.DEFAULT.label(model, local, text, f));
            } else {
                scores = scorer.evaluate(model, corpus);
            }
            Map<String, Double> stored = model.meta().devScores();
            scores.forEach((view, m) -> {
                details.add("### " + task + " — " + view);
                details.add("");
                details.add(m.toMarkdown());
                details.add("");
                summary.append(row(task, view, "macro-F1", m.macroF1(), stored.get("baseline." + view + ".macroF1"),
                        published(task, view, "macro-F1")));
                summary.append(row(task, view, "accuracy", m.accuracy(), stored.get("baseline." + view + ".accuracy"),
                        published(task, view, "accuracy")));
                if (task.equals("conflict") && m.perClass().containsKey("conflict")) {
                    summary.append(row(task, view, "conflict recall", m.perClass().get("conflict").recall(),
                            stored.get("baseline." + view + ".conflictRecall"), published(task, view, "recall")));
                    summary.append(row(task, view, "conflict F1", m.perClass().get("conflict").f1(),
                            stored.get("baseline." + view + ".conflictF1"), published(task, view, "F1")));
                }
            });
            if (task.equals("conflict")) {
                inappropriate(scorer, model, corpus, summary, details);
            }
        }
        for (String task : List.of(TaskCorpora.TOPIC_INFORMAL, TaskCorpora.INCIDENT, TaskCorpora.INCIDENT_TYPE)) {
            if (CategorizerStore.exists(models.resolve(task))) {
                DocCategorizer m = new CategorizerStore().load(models.resolve(task));
                versions.add("| " + task + " | `" + m.version() + "` | " + m.meta().trainDocs() + " docs, "
                        + m.meta().vocabulary() + " features (scored below: "
                        + switch (task) {
                            case TaskCorpora.INCIDENT -> "the incident decision";
                            case TaskCorpora.TOPIC_INFORMAL -> "blended into topic, at " + TopicBlend.DEFAULT.spec();
                            default -> "type accuracy";
                        } + ") |");
            }
        }
        md.add("## Model versions");
        md.add("");
        md.add("| model | version | size |");
        md.add("|---|---|---|");
        md.addAll(versions);
        md.add("");
        md.add("## Summary");
        md.add("");
        md.add("\"our LR baseline\" is plain multinomial logistic regression (OpenNLP MAXENT_QN, L2 = 0.5 ≙ C = 1, "
                + "no class re-weighting) on the same TF-IDF features and training data, retrained by "
                + "`train --all` and recorded in each model's meta.json.");
        md.add("");
        md.add(summary.toString());
        if (only.isEmpty() || only.contains(LABELLED)) {
            md.addAll(new LabelledReport(err).run(models, labelledDir,
                    Optional.of(args.datasets()), args.option("misses").map(Path::of)));
        }
        md.addAll(crossValidation(models));
        md.addAll(RussianCoverage.onRuSentiTweetDev(new SharedDatasets(args.datasets()), new LanguageIdentifier())
                .toMarkdown());
        md.add("## Per class");
        md.add("");
        md.addAll(details);
        String report = String.join("\n", md) + "\n";
        out.print(report);
        out.flush();
        if (args.option("report").isPresent()) {
            Files.writeString(Path.of(args.option("report").get()), report, StandardCharsets.UTF_8);
        }
        return 0;
    }

    /**
     * The {@code inappropriate} output (the conflict model's p(conflict) at {@link InappropriateRule#THRESHOLD}) on
     * the Skoltech view: the issue's inappropriate-message F1 is measured here since 2026-12-05, not on the conflict
     * label.
     */
    private static void inappropriate(CategorizerBuild scorer, DocCategorizer model, TaskCorpus corpus,
                                      StringBuilder summary, List<String> details) {
        List<LabeledText> view = corpus.devViews().get(TaskCorpora.SKOLTECH_VIEW).stream()
                .map(t -> new LabeledText(t.id(), t.text(),
                        t.label().equals("conflict") ? InappropriateRule.LABEL : "none"))
                .toList();
        Metrics m = scorer.evaluate(model, view, p -> InappropriateRule.answer(model.labels(), p).label());
        String name = InappropriateRule.LABEL + " (conflict model, p ≥ " + InappropriateRule.THRESHOLD + ")";
        details.add("### " + name + " — " + TaskCorpora.SKOLTECH_VIEW);
        details.add("");
        details.add(m.toMarkdown());
        details.add("");
        Metrics.ClassScore c = m.perClass().get(InappropriateRule.LABEL);
        summary.append(row(name, TaskCorpora.SKOLTECH_VIEW, "inappropriate recall", c.recall(), null, ""));
        summary.append(row(name, TaskCorpora.SKOLTECH_VIEW, "inappropriate F1", c.f1(), null, "0.403"));
    }

    private static void textModels(Path models, List<String> versions, List<String> details) throws IOException {
        JsonNode text = JSON.readTree(models.resolve("text/meta.json").toFile());
        JsonNode ner = JSON.readTree(models.resolve("ner/meta.json").toFile());
        versions.add("| text (sentence detector + tokenizer) | `" + text.path("version").asText() + "` | UD Taiga v2.7 |");
        versions.add("| ner | `" + ner.path("version").asText() + "` | NEREL v1.1 |");
        versions.add("| langdetect | `opennlp-langdetect-183-1.3.0` | Apache OpenNLP, 103 languages |");
        details.add(String.format(Locale.ROOT, "### text — UD Taiga v2.7 test%n%n| model | precision | recall | F1 |%n"
                        + "|---|---:|---:|---:|%n| tokenizer | %.4f | %.4f | %.4f |%n| sentence detector | %.4f | %.4f | %.4f |%n",
                text.path("tokenizerPrecision").asDouble(), text.path("tokenizerRecall").asDouble(),
                text.path("tokenizerF1").asDouble(), text.path("sentencePrecision").asDouble(),
                text.path("sentenceRecall").asDouble(), text.path("sentenceF1").asDouble()));
        details.add(String.format(Locale.ROOT, "### ner — NEREL v1.1 dev (LOC/ORG/PER, exact spans)%n%n"
                        + "precision %.4f, recall %.4f, F1 **%.4f**%n", ner.path("devPrecision").asDouble(),
                ner.path("devRecall").asDouble(), ner.path("devF1").asDouble()));
    }

    /**
     * The committed {@code crossval} report, if any: cross-validation takes a quarter of an hour per task, too
     * long to repeat on every evaluation, but the summary belongs next to the dev-split figures.
     */
    static List<String> crossValidation(Path models) throws IOException {
        List<String> md = new ArrayList<>();
        for (String name : List.of(INCIDENT_CROSSVAL, "CROSSVAL.md")) {
            Path file = models.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            md.add("## Cross-validation (`" + name + "`, made by `crossval`; see docs/nlp.md)");
            md.add("");
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                md.add(line.startsWith("#") ? "#" + line : line);
            }
            md.add("");
        }
        return md;
    }

    /** The incident decision's cross-validation over the labelled dev rows ({@code crossval --task incident}). */
    static final String INCIDENT_CROSSVAL = "INCIDENT-CV.md";

    private static String published(String task, String view, String metric) {
        return switch (task + "/" + view + "/" + metric) {
            case "topic/kursk/macro-F1" -> "0.49";
            case "topic/kursk/accuracy" -> "0.83";
            case "agency/kursk/accuracy" -> "0.49";
            case "sentiment/rusentitweet 5-class/macro-F1" -> "0.61";
            case "conflict/russe dev/recall" -> "0.86";
            default -> "";
        };
    }

    private static String row(String task, String view, String metric, double ours, Double baseline, String published) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %s | %s |%n", task, view, metric, ours,
                baseline == null ? "" : String.format(Locale.ROOT, "%.3f", baseline), published);
    }
}
