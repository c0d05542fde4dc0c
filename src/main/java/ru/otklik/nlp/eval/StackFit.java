package ru.otklik.nlp.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.zip.CRC32;

import ru.otklik.nlp.IncidentDecider;
import ru.otklik.nlp.IncidentStack;
import ru.otklik.nlp.StackFeatures;
import ru.otklik.nlp.eval.DecisionGrid.Point;
import ru.otklik.nlp.eval.DecisionGrid.Row;
import ru.otklik.nlp.eval.IncidentEvaluation.Judged;

/**
 * Fits the learned incident decision ({@link IncidentStack}) on labelled rows whose model answers are out of fold,
 * and judges it by crossval's rule with a second cross-validation over those rows: each row is decided by a stack
 * fitted without its stack fold ({@code CRC32(id + "#stack") % folds}, independent of the models' folds). Pure and
 * deterministic: Newton's method on the L2-penalised log-loss over standardised features (15 of them, so each step
 * solves a 16 × 16 system); the weights are stored on the features' own scale.
 */
public final class StackFit {

    /**
     * The penalty on the standardised weights: 0.3, 3 and 30 gave the same cross-validated recall within 0.4 points
     * on the 13,622 dev rows (docs/nlp.md, "A learned decision over the signals"); the middle one.
     */
    public static final double L2 = 3;
    public static final int FOLDS = 5;
    private static final int MAX_STEPS = 50;

    private StackFit() {
    }

    /** The stack fitted on every row (incident = problem or question), each at weight 1, at {@code threshold}. */
    public static IncidentStack fit(List<Row> rows, double l2, double threshold) {
        return fit(rows, r -> 1, l2, threshold);
    }

    /**
     * The stack fitted on every row at its weight ({@code weight}: a real tweet ×k beside the labelled rows; a row at
     * weight 0 is left out), at {@code threshold}. The standardisation is over the rows as weighed.
     */
    public static IncidentStack fit(List<Row> all, ToDoubleFunction<Row> weight, double l2, double threshold) {
        List<Row> rows = all.stream().filter(r -> weight.applyAsDouble(r) > 0).toList();
        int n = rows.size();
        int d = StackFeatures.NAMES.size();
        double[][] x = new double[n][];
        double[] y = new double[n];
        double[] v = new double[n];
        double total = 0;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            x[i] = StackFeatures.of(r.complaint(), r.incident(), r.type(), r.matches(), r.clean());
            y[i] = r.post().isIncident() ? 1 : 0;
            v[i] = weight.applyAsDouble(r);
            total += v[i];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[i] * x[i][j] / total;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                sd[j] += v[i] * (x[i][j] - mean[j]) * (x[i][j] - mean[j]) / total;
            }
        }
        for (int j = 0; j < d; j++) {
            // a constant feature (no row has it) keeps weight 0 instead of dividing by 0
            sd[j] = Math.sqrt(sd[j]) + 1e-9;
        }
        double[] theta = new double[d + 1];
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] grad = new double[d + 1];
            double[][] hess = new double[d + 1][d + 1];
            double[] z = new double[d + 1];
            for (int i = 0; i < n; i++) {
                z[0] = 1;
                for (int j = 0; j < d; j++) {
                    z[j + 1] = (x[i][j] - mean[j]) / sd[j];
                }
                double s = 0;
                for (int j = 0; j <= d; j++) {
                    s += theta[j] * z[j];
                }
                double p = 1 / (1 + Math.exp(-s));
                double w = v[i] * p * (1 - p);
                for (int j = 0; j <= d; j++) {
                    grad[j] += v[i] * (p - y[i]) * z[j];
                    for (int k = 0; k <= j; k++) {
                        hess[j][k] += w * z[j] * z[k];
                    }
                }
            }
            for (int j = 0; j <= d; j++) {
                for (int k = 0; k < j; k++) {
                    hess[k][j] = hess[j][k];
                }
                if (j > 0) {
                    grad[j] += l2 * theta[j];
                    hess[j][j] += l2;
                }
            }
            double[] delta = solve(hess, grad);
            double size = 0;
            for (int j = 0; j <= d; j++) {
                theta[j] -= delta[j];
                size = Math.max(size, Math.abs(delta[j]));
            }
            if (size < 1e-10) {
                break;
            }
        }
        double bias = theta[0];
        List<Double> weights = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            weights.add(theta[j + 1] / sd[j]);
            bias -= theta[j + 1] * mean[j] / sd[j];
        }
        return new IncidentStack(bias, weights, threshold);
    }

    /** The rows of each stack fold. */
    public static List<List<Row>> folds(List<Row> rows, int folds) {
        List<List<Row>> out = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            out.add(new ArrayList<>());
        }
        for (Row r : rows) {
            CRC32 crc = new CRC32();
            crc.update((r.post().id() + "#stack").getBytes(StandardCharsets.UTF_8));
            out.get((int) (crc.getValue() % folds)).add(r);
        }
        return out;
    }

    /** One stack per fold, each fitted on the other folds' rows. */
    public static List<IncidentStack> outOfFold(List<List<Row>> folds, double l2) {
        return outOfFold(folds, List.of(), r -> 1, l2);
    }

    /**
     * One stack per fold, each fitted on the other folds' rows and on {@code always} (rows outside the judged ones,
     * such as real tweets with out-of-fold answers), every row at its {@code weight}.
     */
    public static List<IncidentStack> outOfFold(List<List<Row>> folds, List<Row> always, ToDoubleFunction<Row> weight,
                                                double l2) {
        List<IncidentStack> out = new ArrayList<>();
        for (int k = 0; k < folds.size(); k++) {
            List<Row> train = new ArrayList<>(always);
            for (int j = 0; j < folds.size(); j++) {
                if (j != k) {
                    train.addAll(folds.get(j));
                }
            }
            out.add(fit(train, weight, l2, 0.5));
        }
        return out;
    }

    /**
     * The out-of-fold figures at each threshold: every row judged by its fold's stack. The point's own stack (for
     * rows outside the labelled set, the real appeals) is {@code full} at that threshold.
     */
    public static List<Point> sweep(List<List<Row>> folds, List<IncidentStack> stacks, IncidentStack full,
                                    IncidentDecider.Blend blend, List<Double> thresholds) {
        return thresholds.parallelStream().map(t -> {
            List<Judged> judged = new ArrayList<>();
            for (int k = 0; k < folds.size(); k++) {
                judged.addAll(DecisionGrid.judge(folds.get(k),
                        new IncidentDecider(t, blend, stacks.get(k).withThreshold(t))));
            }
            return DecisionGrid.point(judged, blend, t, full.withThreshold(t));
        }).toList();
    }

    /** The thresholds a stack is judged at: 0.30 to 0.99 by 0.005 (its probabilities are not the blend's). */
    public static List<Double> thresholds() {
        List<Double> out = new ArrayList<>();
        for (int i = 60; i <= 198; i++) {
            out.add(i / 200.0);
        }
        return out;
    }

    /** Solves {@code a·x = b} by Gaussian elimination with partial pivoting ({@code a} is small and well posed). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                pivot = Math.abs(m[r][c]) > Math.abs(m[pivot][c]) ? r : pivot;
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * out[k];
            }
            out[r] = s / m[r][r];
        }
        return out;
    }
}
