package ru.otklik.nlp.eval;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.SharedDatasets;
import ru.otklik.nlp.data.Split;

/**
 * The training-side slice of Skoltech's val.csv that thresholds and conflict variants are chosen on (never the
 * dev view): CRC32 of {@code <id>#tune} modulo 5 = 0, the slice {@code tfidf_lr.py --task skoltech} tunes the
 * recipe on; and the F1 of the conflict class at a threshold over it.
 */
final class SkoltechSlice {

    private SkoltechSlice() {
    }

    static boolean contains(String id) {
        return id.startsWith("skol-") && Split.fold(id + "#tune", 5) == 0;
    }

    /** The slice's rows with the published label (inappropriate ≥ 0.5 as {@code conflict}). */
    static List<LabeledText> rows(SharedDatasets data) throws IOException {
        return data.skoltechInappropriate().stream().filter(t -> !Split.isDev(t.id()) && contains(t.id())).toList();
    }

    /** The conflict corpus's ordinary rows (appeals and calm tweets): neither Skoltech's nor RUSSE's. */
    static List<LabeledText> ordinary(List<LabeledText> rows) {
        return rows.stream().filter(t -> !t.id().startsWith("skol-") && !t.id().startsWith("russe-")).toList();
    }

    /** A variant's {@code key=value,…} spec; a bare key means {@code key=1}. */
    static Map<String, String> spec(String spec) {
        Map<String, String> kv = new HashMap<>();
        for (String part : spec.split(",")) {
            String[] p = part.split("=");
            kv.put(p[0], p.length > 1 ? p[1] : "1");
        }
        return kv;
    }

    /** Counts of the conflict class when {@code p[i] ≥ threshold} flags row i. */
    record Counts(int tp, int fp, int fn) {

        static Counts at(List<LabeledText> gold, double[] p, double threshold) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < p.length; i++) {
                boolean g = gold.get(i).label().equals("conflict");
                boolean flagged = p[i] >= threshold;
                tp += g && flagged ? 1 : 0;
                fp += !g && flagged ? 1 : 0;
                fn += g && !flagged ? 1 : 0;
            }
            return new Counts(tp, fp, fn);
        }

        double f1() {
            return 2.0 * tp / Math.max(1, 2 * tp + fp + fn);
        }

        double precision() {
            return tp / Math.max(1.0, tp + fp);
        }

        double recall() {
            return tp / Math.max(1.0, tp + fn);
        }
    }

    /** The share of rows flagged when {@code p[i] ≥ threshold} flags row i. */
    static double share(double[] p, double threshold) {
        int n = 0;
        for (double v : p) {
            n += v >= threshold ? 1 : 0;
        }
        return n / (double) p.length;
    }

    /** The threshold 0.05–0.95 (step 0.01) with the best F1; the lowest of ties. */
    static double bestThreshold(List<LabeledText> gold, double[] p) {
        double best = 0.5;
        double bestF1 = -1;
        for (int step = 5; step <= 95; step++) {
            double f1 = Counts.at(gold, p, step / 100.0).f1();
            if (f1 > bestF1) {
                bestF1 = f1;
                best = step / 100.0;
            }
        }
        return best;
    }
}
