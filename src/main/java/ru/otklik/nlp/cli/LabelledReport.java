package ru.otklik.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ru.otklik.nlp.IncidentDecider;
import ru.otklik.nlp.PostAnalysis;
import ru.otklik.nlp.TextAnalyzer;
import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.eval.IncidentEvaluation;
import ru.otklik.nlp.eval.IncidentEvaluation.Judged;

/**
 * The report section on the hand-labelled social-media set: every text goes through {@link TextAnalyzer}, so
 * the figures are those of the service's own decision ({@link IncidentDecider}). Dev and test are reported
 * separately; the threshold sweep is on dev only, where the threshold is tuned.
 */
final class LabelledReport {

    private static final double[] SWEEP = {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 0.995};

    private final PrintStream err;

    LabelledReport(PrintStream err) {
        this.err = err;
    }

    /** @param misses where to write the dev rows the decision got wrong (TSV), if anywhere */
    List<String> run(Path models, Path labelled, Optional<Path> datasets, Optional<Path> misses) throws IOException {
        if (!Files.isDirectory(labelled)) {
            err.printf("[evaluate] no labelled set at %s: skipped%n", labelled.toAbsolutePath());
            return List.of();
        }
        LabelledPosts.Result read = new LabelledPosts(datasets).read(labelled);
        err.printf("[evaluate] labelled: %d texts (%d without text: no shared datasets or unknown ref)%n",
                read.posts().size(), read.unresolved());
        TextAnalyzer analyzer = TextAnalyzer.load(models, Optional.empty());
        List<Judged> judged = new ArrayList<>();
        for (LabelledPosts.Post p : read.posts()) {
            PostAnalysis a = analyzer.analyze(p.id(), p.text());
            judged.add(new Judged(p, a));
        }
        if (misses.isPresent()) {
            writeJudgements(judged, misses.get(), false, err);
        }
        List<String> md = new ArrayList<>();
        // the directory read, as given (labelled/ by default; labelled/unseen/ holds writers no model learnt from)
        String dir = labelled.toString().replace('\\', '/').replaceAll("/*$", "/");
        md.add("## Incidents on the hand-labelled social-media set (`" + dir + "`)");
        md.add("");
        md.add(String.format(Locale.ROOT, "The service's own decision (`IncidentDecider`: %s, or a topic or incident "
                + "rule) on %d texts of `%s*.tsv`%s; guideline: "
                + "`docs/incident-guideline.md`. Tuned on dev only; test is reported, never tuned on. "
                + "A text not analysed as Russian counts as not flagged.", analyzer.incidentDecider().describe(),
                read.posts().size(), dir, read.unresolved() == 0 ? ""
                        : " (" + read.unresolved() + " more had no text: `../shared/datasets` missing or a ref unknown)"));
        md.add("");
        md.addAll(IncidentEvaluation.markdown(judged));
        md.add("");
        md.add("The incident, incident_type and topic models train on the dev rows of `labelled/*.tsv` (`train "
                + "--all`, never a test row, never a subdirectory such as `labelled/unseen/`), so the dev figures of "
                + "that set show what the models learnt, not how they generalise: the honest dev figures are the "
                + "cross-validated ones (`" + EvaluateCommand.INCIDENT_CROSSVAL + "`, below), where the blend and the "
                + "threshold were chosen; quote test.");
        md.add("");
        md.add("Threshold of the decision's score on dev (in-sample; rules decide as they do at any threshold):");
        md.add("");
        md.add("| threshold | problem recall | question recall | false alarms |");
        md.add("|---:|---:|---:|---:|");
        List<Judged> dev = judged.stream().filter(j -> !j.post().test()).toList();
        for (double t : SWEEP) {
            IncidentEvaluation.Scores s = IncidentEvaluation.score(dev.stream().map(j -> atThreshold(j, t)).toList());
            md.add(String.format(Locale.ROOT, "| %.3f | %s | %s | %s |", t, IncidentEvaluation.pct(s.problemRecall()),
                    IncidentEvaluation.pct(s.questionRecall()), IncidentEvaluation.pct(s.falseAlarms())));
        }
        md.add("");
        return md;
    }

    /**
     * The dev rows the decision got wrong, one a line: missed incidents, false alarms, wrong types and wrong
     * topics, with the models' own answers and the matched rules — what an analyst reads to fix rules; with
     * {@code all}, the rows it got right too (kind {@code ok}), so that a rule's precision can be counted. Test
     * rows are never written: they are not to be tuned on.
     */
    static void writeJudgements(List<Judged> judged, Path file, boolean all, PrintStream err) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("kind\tid\tgold\tgold_topic\tdecided\ttopic\ttopic_by\tmodel_complaint\tmodel_topic\trules\ttext");
        for (Judged j : judged) {
            LabelledPosts.Post p = j.post();
            if (p.test()) {
                continue;
            }
            PostAnalysis a = j.analysis();
            String decided = a.incidentType() == null ? "none" : a.incidentType();
            String topic = a.topic() == null ? "" : a.topic().label();
            String kind;
            if (p.isIncident() && a.incidentType() == null) {
                kind = "miss";
            } else if (!p.isIncident() && a.incidentType() != null) {
                kind = "false-alarm";
            } else if (p.isIncident() && !p.incident().equals(decided)) {
                kind = "type";
            } else if (p.isIncident() && !p.topic().isEmpty() && !p.topic().equals(topic)) {
                kind = "topic";
            } else if (all) {
                kind = "ok";
            } else {
                continue;
            }
            PostAnalysis.Explanation e = a.explanation();
            lines.add(String.join("\t", kind, p.id(), p.incident(), p.topic(), decided, topic,
                    e == null ? "" : e.topicDecidedBy(), e == null ? "" : score(e.modelComplaint()), e == null ? "" : score(e.modelTopic()),
                    e == null ? "" : String.join(",", e.matchedRules()), p.text().replaceAll("\\s+", " ")));
        }
        Files.write(file, lines, java.nio.charset.StandardCharsets.UTF_8);
        err.printf("[evaluate] %d dev rows%s written to %s%n", lines.size() - 1,
                all ? "" : " the decision got wrong", file);
    }

    private static String score(PostAnalysis.LabelScore s) {
        return s == null ? "" : String.format(Locale.ROOT, "%s %.3f", s.label(), s.score());
    }

    /** The judgement the decision would have made at another threshold: only the models' own say changes. */
    static Judged atThreshold(Judged j, double threshold) {
        PostAnalysis a = j.analysis();
        if (!a.analysed() || "rule".equals(a.explanation().complaintDecidedBy())) {
            return j;
        }
        // the decision's score (the blend of the complaint and incident models, or the learned decision's), not the
        // complaint model's
        PostAnalysis.LabelScore score = a.complaint();
        double p = "complaint".equals(score.label()) ? score.score() : 1 - score.score();
        boolean flagged = p >= threshold - 1e-9;
        // The sweep reports recall and false alarms only, so any type stands for "flagged".
        String type = flagged ? (a.incidentType() != null ? a.incidentType() : IncidentDecider.PROBLEM) : null;
        return new Judged(j.post(), new PostAnalysis(a.id(), a.lang(), a.complaint(), type, a.topic(), a.conflict(),
                a.inappropriate(), a.sentiment(), a.places(), a.agency(), a.explanation(), a.modelVersions()));
    }
}
