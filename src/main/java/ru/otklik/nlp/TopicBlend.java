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
 * it is pushed down, not ruled out.
 *
 * <p>The blend is gated by the text's length in letters: the small model knows short informal posts, the topic model
 * knows appeals, and blended into a long appeal the posts' wording pulled Kursk appeals towards the posts' topics
 * (docs/nlp.md, "Topic: the blend gated by length"). A text of {@code formalLetters} letters or more is answered
 * by the topic model alone. Pure and thread-safe.
 *
 * @param weight        w, the in-domain model's weight in log space on a text shorter than {@code formalLetters}:
 *                      0 = the topic model alone
 * @param formalLetters the length in letters ({@link #letters}) from which a text is the topic model's alone;
 *                      {@link #UNGATED} blends every text
 */
public record TopicBlend(double weight, int formalLetters) {

    /** The label the small model cannot know, kept at the topic model's probability. */
    static final String NONE = "none";

    /**
     * Chosen out of fold: {@code train --tune-weights 10 --only topic --fold all --topic-blend …} over the labelled
     * dev incidents for the weight, the gate on the Kursk dev views with {@code TopicViewsCompare} (docs/nlp.md,
     * "Topic: an in-domain model blended in" and "Topic: the blend gated by length"): below 200 letters are 92 %
     * of the labelled dev incidents and half of the Kursk training appeals.
     */
    public static final TopicBlend DEFAULT = new TopicBlend(0.5, 200);

    /** No gate: every text is blended at the same weight. */
    public static final int UNGATED = Integer.MAX_VALUE;

    public TopicBlend {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("the in-domain topic model's weight lies in [0, 1], got " + weight);
        }
        if (formalLetters < 1) {
            throw new IllegalArgumentException("the gate's length in letters is at least 1, got " + formalLetters);
        }
    }

    /** Every text blended at {@code weight}. */
    public TopicBlend(double weight) {
        this(weight, UNGATED);
    }

    /**
     * {@code W} (every text blended at W) or {@code W@L} (texts shorter than L letters blended at W, longer ones the
     * topic model's alone), as {@code train --topic-blend} and {@code -Dblend} take it.
     *
     * @throws IllegalArgumentException on anything else (the CLI reports it as a usage error)
     */
    public static TopicBlend parse(String spec) {
        int at = spec.indexOf('@');
        return at < 0 ? new TopicBlend(Double.parseDouble(spec))
                : new TopicBlend(Double.parseDouble(spec.substring(0, at)), Integer.parseInt(spec.substring(at + 1)));
    }

    /** This blend in {@link #parse} form. */
    public String spec() {
        String w = String.format(java.util.Locale.ROOT, "%.2f", weight);
        return formalLetters == UNGATED ? w : w + "@" + formalLetters;
    }

    /**
     * The gate's cue: the text's letters (any alphabet; digits, punctuation, emoji and spaces are not counted), links
     * and @mentions left out — a short VK post with a photo link is still a short post, and the analysis (which
     * passes the cleaned text, links kept) and {@code evaluate} (the raw text) must see the same length. One pass
     * over the characters, no allocation.
     */
    public static int letters(CharSequence text) {
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (!isLinkOrMention(text, i, end)) {
                for (int k = i; k < end; k++) {
                    if (Character.isLetter(text.charAt(k))) {
                        n++;
                    }
                }
            }
            i = end + 1;
        }
        return n;
    }

    /** Whether the word {@code text[from, to)} is a link ({@code …://…}, {@code www.…}) or an {@code @mention}. */
    private static boolean isLinkOrMention(CharSequence text, int from, int to) {
        if (from >= to) {
            return false;
        }
        if (text.charAt(from) == '@' || startsWith(text, from, to, "www.")) {
            return true;
        }
        for (int k = from; k + 3 <= to; k++) {
            if (text.charAt(k) == ':' && text.charAt(k + 1) == '/' && text.charAt(k + 2) == '/') {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(CharSequence text, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (Character.toLowerCase(text.charAt(from + k)) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The in-domain model's weight for a text of {@code letters} letters. */
    public double weightFor(int letters) {
        return letters < formalLetters ? weight : 0;
    }

    /**
     * @param labels        the topic model's labels
     * @param probabilities the topic model's probabilities, in {@code labels} order
     * @param localLabels   the in-domain model's labels (rubrics only)
     * @param local         its probabilities, in {@code localLabels} order
     * @param letters       the text's length in letters ({@link #letters})
     * @return new probabilities in {@code labels} order, summing to 1
     */
    public double[] apply(List<String> labels, double[] probabilities, List<String> localLabels, double[] local,
                          int letters) {
        return apply(Alignment.of(labels, localLabels), probabilities, local, letters);
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
     * @param letters       the text's length in letters ({@link #letters})
     * @return new probabilities in the topic model's label order, summing to 1
     */
    public double[] apply(Alignment alignment, double[] probabilities, double[] local, int letters) {
        double w = weightFor(letters);
        if (w == 0) {
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
            logs[i] = (1 - w) * Math.log(Math.max(probabilities[i], Double.MIN_NORMAL))
                    + w * Math.log(Math.max(q, Double.MIN_NORMAL));
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
    public String label(DocCategorizer topic, DocCategorizer local, String text, Features features) {
        double[] p = apply(topic.labels(), topic.probabilities(features), local.labels(), local.probabilities(features),
                letters(text));
        return topic.labels().get(ArgMax.of(p));
    }
}
