package ru.otklik.nlp.categorize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one categoriser training run.
 *
 * @param l2          L2 penalty of OpenNLP's QN trainer (a logistic regression's C is 1/(2·l2))
 * @param iterations  L-BFGS iterations
 * @param minDf       a feature must occur in at least this many training documents
 * @param maxFeatures vocabulary cap after the document-frequency cut (keeps dense models small)
 * @param oversamplePower repeat each class round((max/count)^power) times: 0 = no re-weighting, 0.5 = the
 *                    √ repetition that helped rare classes in CV, 1 = full balancing (hurt)
 * @param threads     QN training threads (the build machine has two cores)
 * @param threshold   for a two-label model with a {@code none} label: the probability from which the other label
 *                    is answered (stored in meta.json, applied by {@link DecisionRule}); NaN = the most probable
 * @param nbRatios    for a two-label model with a {@code none} label: train on TF-IDF values scaled by the naive-Bayes
 *                    log-count ratios and fold them into the stored weights ({@link NbRatios}); the incident model's
 *                    switch ({@code IncidentRecipe.NB_RATIOS}), off for every other model
 */
public record TrainingConfig(double l2, int iterations, int minDf, int maxFeatures, double oversamplePower, int threads,
                             double threshold, boolean nbRatios) {

    public TrainingConfig(double l2, int iterations, int minDf, int maxFeatures, double oversamplePower, int threads,
                          double threshold) {
        this(l2, iterations, minDf, maxFeatures, oversamplePower, threads, threshold, false);
    }

    /** The most probable label wins (no decision threshold). */
    public TrainingConfig(double l2, int iterations, int minDf, int maxFeatures, double oversamplePower, int threads) {
        this(l2, iterations, minDf, maxFeatures, oversamplePower, threads, Double.NaN);
    }

    /** Tuned defaults for the shipped models. */
    public static TrainingConfig tuned() {
        return new TrainingConfig(0.01, 300, 2, 120_000, 0.5, 2);
    }

    /** The reference point: plain TF-IDF logistic regression, C = 1, no class re-weighting. */
    public static TrainingConfig baseline() {
        return new TrainingConfig(0.5, 300, 2, 120_000, 0, 2);
    }

    public TrainingConfig withMaxFeatures(int max) {
        return new TrainingConfig(l2, iterations, minDf, max, oversamplePower, threads, threshold, nbRatios);
    }

    public TrainingConfig withMinDf(int df) {
        return new TrainingConfig(l2, iterations, df, maxFeatures, oversamplePower, threads, threshold, nbRatios);
    }

    public TrainingConfig withOversamplePower(double power) {
        return new TrainingConfig(l2, iterations, minDf, maxFeatures, power, threads, threshold, nbRatios);
    }

    public TrainingConfig withL2(double cost) {
        return new TrainingConfig(cost, iterations, minDf, maxFeatures, oversamplePower, threads, threshold, nbRatios);
    }

    public TrainingConfig withThreshold(double p) {
        return new TrainingConfig(l2, iterations, minDf, maxFeatures, oversamplePower, threads, p, nbRatios);
    }

    public TrainingConfig withNbRatios(boolean on) {
        return new TrainingConfig(l2, iterations, minDf, maxFeatures, oversamplePower, threads, threshold, on);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", "MAXENT_QN");
        m.put("dataIndexer", "OnePassRealValue");
        m.put("features", "tf-idf (1+ln tf)·idf, L2-normalised; stem 1-2-grams + char 2-5-grams in words; bias");
        m.put("l1", 0.0);
        m.put("l2", l2);
        m.put("iterations", iterations);
        m.put("minDf", minDf);
        m.put("maxFeatures", maxFeatures);
        m.put("oversamplePower", oversamplePower);
        if (!Double.isNaN(threshold)) {
            m.put(DecisionRule.PARAM, threshold);
        }
        if (nbRatios) {
            // the stored weights already hold the ratios: a note for the manifest, nothing the analysis reads
            m.put("nbRatios", "trained on TF-IDF × NB log-count ratios (α = 1), folded into the weights");
        }
        return m;
    }
}
