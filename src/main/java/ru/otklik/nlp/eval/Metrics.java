package ru.otklik.nlp.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per-class precision, recall and F1, macro-F1 (unweighted mean over every class seen in gold or predicted
 * labels, as scikit-learn does) and accuracy.
 */
public record Metrics(Map<String, ClassScore> perClass, double macroF1, double accuracy, int n) {

    /** Scores of one class. */
    public record ClassScore(double precision, double recall, double f1, int support) {
    }

    public static Metrics of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        TreeSet<String> labels = new TreeSet<>(gold);
        labels.addAll(predicted);
        Map<String, ClassScore> per = new TreeMap<>();
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        double sumF1 = 0;
        for (String l : labels) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean g = gold.get(i).equals(l);
                boolean p = predicted.get(i).equals(l);
                if (g && p) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (g) {
                    fn++;
                }
            }
            double prec = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double rec = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
            per.put(l, new ClassScore(prec, rec, f1, tp + fn));
            sumF1 += f1;
        }
        double macro = labels.isEmpty() ? 0 : sumF1 / labels.size();
        double acc = gold.isEmpty() ? 0 : (double) correct / gold.size();
        return new Metrics(per, macro, acc, gold.size());
    }

    /** A Markdown table of the per-class scores followed by the summary line. */
    public String toMarkdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| class | precision | recall | F1 | support |");
        lines.add("|---|---:|---:|---:|---:|");
        perClass.forEach((label, s) -> lines.add(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |",
                label, s.precision(), s.recall(), s.f1(), s.support())));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "macro-F1 **%.3f**, accuracy **%.3f**, n = %d", macroF1, accuracy, n));
        return String.join("\n", lines);
    }
}
