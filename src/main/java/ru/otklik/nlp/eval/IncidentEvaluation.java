package ru.otklik.nlp.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import ru.otklik.nlp.PostAnalysis;
import ru.otklik.nlp.data.LabelledPosts;

/**
 * Scores the service's own decision (what {@code TextAnalyzer} returns: {@code IncidentDecider}'s complaint,
 * incident type and topic) against the hand-labelled social-media set, per split and per source.
 */
public final class IncidentEvaluation {

    /** The figures of one group of posts. Rates are NaN when the group has no post to count. */
    public record Scores(int problems, int questions, int nones, double problemRecall, double questionRecall,
                         double falseAlarms, double typeAccuracy, int topicCount, double topicAccuracy) {

        public int incidents() {
            return problems + questions;
        }
    }

    /** A labelled post with the analysis the product gave it. */
    public record Judged(LabelledPosts.Post post, PostAnalysis analysis) {

        boolean flagged() {
            return analysis.incidentType() != null;
        }
    }

    private IncidentEvaluation() {
    }

    public static Scores score(List<Judged> judged) {
        int problems = 0;
        int problemHits = 0;
        int questions = 0;
        int questionHits = 0;
        int nones = 0;
        int alarms = 0;
        int typed = 0;
        int typeRight = 0;
        int topics = 0;
        int topicRight = 0;
        for (Judged j : judged) {
            LabelledPosts.Post p = j.post();
            switch (p.incident()) {
                case "problem" -> {
                    problems++;
                    problemHits += j.flagged() ? 1 : 0;
                }
                case "question" -> {
                    questions++;
                    questionHits += j.flagged() ? 1 : 0;
                }
                default -> {
                    nones++;
                    alarms += j.flagged() ? 1 : 0;
                }
            }
            if (p.isIncident() && j.flagged()) {
                typed++;
                typeRight += p.incident().equals(j.analysis().incidentType()) ? 1 : 0;
            }
            if (p.isIncident() && !p.topic().isEmpty()) {
                topics++;
                topicRight += j.analysis().topic() != null && p.topic().equals(j.analysis().topic().label()) ? 1 : 0;
            }
        }
        return new Scores(problems, questions, nones, rate(problemHits, problems), rate(questionHits, questions),
                rate(alarms, nones), rate(typeRight, typed), topics, rate(topicRight, topics));
    }

    /** Scores per group, groups in name order, plus {@code all}. */
    public static Map<String, Scores> byGroup(List<Judged> judged, Function<Judged, String> group) {
        Map<String, List<Judged>> groups = new TreeMap<>();
        judged.forEach(j -> groups.computeIfAbsent(group.apply(j), g -> new ArrayList<>()).add(j));
        Map<String, Scores> out = new LinkedHashMap<>();
        groups.forEach((g, list) -> out.put(g, score(list)));
        out.put("all", score(judged));
        return out;
    }

    /** The report section: one table per split (dev first), a row per source and one for all. */
    public static List<String> markdown(List<Judged> judged) {
        List<String> md = new ArrayList<>();
        md.add("| split | source | problems | questions | none | problem recall | question recall | "
                + "false alarms | type accuracy | topic accuracy (n) |");
        md.add("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String split : List.of("dev", "test")) {
            List<Judged> part = judged.stream().filter(j -> split.equals(j.post().split())).toList();
            byGroup(part, j -> j.post().source()).forEach((source, s) -> md.add(String.format(Locale.ROOT,
                    "| %s | %s | %d | %d | %d | %s | %s | %s | %s | %s (%d) |", split,
                    source.equals("all") ? "**all**" : source, s.problems(), s.questions(), s.nones(),
                    pct(s.problemRecall()), pct(s.questionRecall()), pct(s.falseAlarms()), pct(s.typeAccuracy()),
                    pct(s.topicAccuracy()), s.topicCount())));
        }
        return md;
    }

    private static double rate(int hits, int n) {
        return n == 0 ? Double.NaN : (double) hits / n;
    }

    public static String pct(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3f", v);
    }
}
