package ru.otklik.nlp;

import java.util.List;

import ru.otklik.nlp.PostAnalysis.LabelScore;

/**
 * The {@code inappropriate} output: Skoltech's inappropriate messages (a sensitive topic, a risk to the speaker's
 * reputation, often calm) answered from the conflict model's p(conflict) at a threshold of its own, while the
 * conflict label keeps the model's most probable answer. Measured on a training-side slice of val.csv, the conflict
 * model ranked these messages better than a model of their own (docs/nlp.md, "The inappropriate output"), so one
 * model serves both flags and the analysis pays one comparison for the second. Pure; the service, {@code analyze}
 * and {@code evaluate} answer alike through it.
 */
public final class InappropriateRule {

    /** The output's positive label. */
    public static final String LABEL = "inappropriate";

    /**
     * The best-F1 threshold on the training-side slice of val.csv (CRC32 of {@code <id>#tune} modulo 5 = 0, 1,293
     * rows, scored by a conflict model trained without it; {@code InappropriateVariants}), never on the dev view.
     */
    public static final double THRESHOLD = 0.22;

    private InappropriateRule() {
    }

    /**
     * The answer for a conflict model's probabilities: {@value #LABEL} from {@link #THRESHOLD} on, else
     * {@code none}, scored as the probability of the answered label (as every other output).
     */
    public static LabelScore answer(List<String> conflictLabels, double[] probabilities) {
        double p = probabilities[conflictLabels.indexOf("conflict")];
        return p >= THRESHOLD ? new LabelScore(LABEL, round(p)) : new LabelScore("none", round(1 - p));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
