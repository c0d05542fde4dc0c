package ru.otklik.nlp;

import java.util.List;

import ru.otklik.common.ArgMax;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.features.Features;

/**
 * The topic model's probabilities blended with the in-domain topic model's ({@code topic_informal}: learnt from the
 * labelled set's dev incidents only, residents' posts under their guideline topic). The topic model learns from
 * tens of thousands of appeals and tweets beside a few thousand posts; the small model knows only the posts, so
 * their wording weighs more in it (docs/nlp.md, "Topic: an in-domain model blended in").
 *
 * <p>The blend reorders the rubrics only: p({@code none}) stays the topic model's, because the small model has
 * never seen a non-incident and cannot tell one; the rest, 1 − p(none), is shared among the rubrics by the
 * normalised weighted geometric mean {@code p_topic^(1−w) · p_informal^w} (a blend in log space). A rubric the
 * small model lacks (no labelled incident had it) gets that model's lowest probability rather than zero, so that
 * it is pushed down, not ruled out. Pure and thread-safe.
 *
 * @param weight w, the in-domain model's weight in log space: 0 = the topic model alone
 */
public record TopicBlend(double weight) {

    /** The label the small model cannot know, kept at the topic model's probability. */
    static final String NONE = "none";

    /**
     * Chosen out of fold: {@code train --tune-weights 10 --only topic --fold all --topic-blend …} over the labelled
     * dev incidents (docs/nlp.md, "Topic: an in-domain model blended in").
     */
    public static final TopicBlend DEFAULT = new TopicBlend(0.5);

    public TopicBlend {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("the in-domain topic model's weight lies in [0, 1], got " + weight);
        }
    }

    /**
     * @param labels        the topic model's labels
     * @param probabilities the topic model's probabilities, in {@code labels} order
     * @param localLabels   the in-domain model's labels (rubrics only)
     * @param local         its probabilities, in {@code localLabels} order
     * @return new probabilities in {@code labels} order, summing to 1
     */
    public double[] apply(List<String> labels, double[] probabilities, List<String> localLabels, double[] local) {
        return apply(Alignment.of(labels, localLabels), probabilities, local);
    }

    /**
     * Where each of the topic model's labels sits among the in-domain model's, worked out once per pair of models
     * so that a post's blend is array arithmetic, not label look-ups.
     *
     * @param none  the index of {@code none} among the topic model's labels, or −1
     * @param local for each topic label, its index among the in-domain model's labels, or −1 where it has none
     */
    public record Alignment(int none, int[] local) {

        public static Alignment of(List<String> labels, List<String> localLabels) {
            return new Alignment(labels.indexOf(NONE), labels.stream().mapToInt(localLabels::indexOf).toArray());
        }
    }

    /**
     * @param alignment     the two models' labels aligned ({@link Alignment#of})
     * @param probabilities the topic model's probabilities
     * @param local         the in-domain model's probabilities
     * @return new probabilities in the topic model's label order, summing to 1
     */
    public double[] apply(Alignment alignment, double[] probabilities, double[] local) {
        if (weight == 0) {
            return probabilities.clone();
        }
        double floor = 1;
        for (double p : local) {
            floor = Math.min(floor, p);
        }
        int none = alignment.none();
        double[] logs = new double[probabilities.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logs.length; i++) {
            if (i == none) {
                continue;
            }
            int j = alignment.local()[i];
            double q = j < 0 ? floor : local[j];
            logs[i] = (1 - weight) * Math.log(Math.max(probabilities[i], Double.MIN_NORMAL))
                    + weight * Math.log(Math.max(q, Double.MIN_NORMAL));
            max = Math.max(max, logs[i]);
        }
        double sum = 0;
        double[] out = new double[logs.length];
        for (int i = 0; i < out.length; i++) {
            if (i != none) {
                out[i] = Math.exp(logs[i] - max);
                sum += out[i];
            }
        }
        double rubrics = none < 0 ? 1 : 1 - probabilities[none];
        for (int i = 0; i < out.length; i++) {
            out[i] = i == none ? probabilities[none] : out[i] / sum * rubrics;
        }
        return out;
    }

    /**
     * The topic the two models answer together for one post, as the analysis answers it (the evaluation's dev views
     * score the topic this way when a models directory has an in-domain model).
     */
    public String label(DocCategorizer topic, DocCategorizer local, Features features) {
        double[] p = apply(topic.labels(), topic.probabilities(features), local.labels(), local.probabilities(features));
        return topic.labels().get(ArgMax.of(p));
    }
}
