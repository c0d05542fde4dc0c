package ru.otklik.nlp.categorize;

import java.util.List;

import ru.otklik.common.ArgMax;

/**
 * Which label a categoriser answers. By default the most probable one; a two-label model whose meta.json params
 * hold {@value #PARAM} answers its label other than {@code none} from that probability on (the conflict model had
 * 0.25 on 2026-12-05 for Skoltech's inappropriate messages, which have their own output since, docs/nlp.md "The
 * inappropriate output"; no shipped model uses one now, a region's retrained model may). The bank and
 * {@link DocCategorizer} both decide through this, so the service, {@code analyze} and {@code evaluate} answer
 * alike.
 *
 * @param label     index of the thresholded label, -1 = none (most probable wins)
 * @param threshold its probability from which it is answered
 */
public record DecisionRule(int label, double threshold) {

    /** The meta.json params key. */
    public static final String PARAM = "threshold";

    private static final DecisionRule ARGMAX = new DecisionRule(-1, Double.NaN);

    public static DecisionRule of(ModelMeta meta, List<String> labels) {
        Object value = meta == null || meta.params() == null ? null : meta.params().get(PARAM);
        if (!(value instanceof Number n) || labels.size() != 2 || !labels.contains("none")) {
            return ARGMAX;
        }
        double p = n.doubleValue();
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("meta.json " + PARAM + " must lie strictly between 0 and 1, got " + p);
        }
        return new DecisionRule(labels.get(0).equals("none") ? 1 : 0, p);
    }

    /** Index of the answered label. */
    public int decide(double[] probabilities) {
        if (label < 0) {
            return ArgMax.of(probabilities);
        }
        return probabilities[label] >= threshold ? label : 1 - label;
    }
}
