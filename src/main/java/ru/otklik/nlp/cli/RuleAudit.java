package ru.otklik.nlp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ru.otklik.nlp.eval.DecisionGrid.Row;
import ru.otklik.nlp.rules.RuleMatch;

/** The rules' audit that {@code crossval --task incident} appends to INCIDENT-CV.md. */
final class RuleAudit {

    private RuleAudit() {
    }

    /**
     * Every rule that fires on a dev {@code none} row, with how often it fires on incidents: a rule that makes
     * an incident of news or an official reply is a false-alarm source (the {@code none} rules silence, so
     * they are listed by how many incidents they silence instead).
     */
    static List<String> table(List<Row> rows) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Row r : rows) {
            for (RuleMatch m : r.matches()) {
                int[] c = counts.computeIfAbsent(m.ruleId() + " (" + m.label() + ")", k -> new int[2]);
                c[r.post().isIncident() ? 0 : 1]++;
            }
        }
        List<String> md = new ArrayList<>();
        md.add("Rules on the dev rows (a `none` rule silences the models: its incidents are what it silences):");
        md.add("");
        md.add("| rule | incidents | none | precision |");
        md.add("|---|---:|---:|---:|");
        counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue()[1], a.getValue()[1]))
                .forEach(e -> md.add(String.format(Locale.ROOT, "| %s | %d | %d | %.2f |", e.getKey(), e.getValue()[0],
                        e.getValue()[1], (double) e.getValue()[0] / (e.getValue()[0] + e.getValue()[1]))));
        return md;
    }
}
