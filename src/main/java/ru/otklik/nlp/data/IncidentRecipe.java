package ru.otklik.nlp.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The incident model's training recipe ({@link TaskCorpora#incident}): what it learns beside the labelled dev rows
 * and how they are weighed, each chosen by {@code crossval --task incident} (docs/nlp.md).
 */
public final class IncidentRecipe {

    /**
     * Examples of each kind the incident model takes from the shared corpora beside the labelled rows
     * ({@link TaskCorpora#incidentExtras}): none. Cross-validated over the labelled dev rows, 2,000 of each kind lowered the
     * model's AUC from 0.976 to 0.966 and the decision's recall at equal false alarms (docs/nlp.md, "The
     * decision"); {@code crossval --task incident --extras N} measures it again.
     */
    public static final int EXTRAS = 0;
    /**
     * Whether the incident model learns problem / question / none (its incident probability is 1 − p(none))
     * rather than complaint / none. Cross-validated over the labelled dev rows (2,293, 2026-12-04), three classes
     * reached 0.792 / 0.852 recall at 1.9 % false alarms against 0.826 / 0.838 for two: no gain, so two.
     */
    public static final boolean BY_TYPE = false;
    /**
     * Real residents' appeals beside the labelled rows: the training sides of Kursk (all) and SPb (a sample of
     * {@link #SPB_APPEALS}), each cut to a social post ({@link SocialStyle}), as complaint. The written
     * posts alone taught the incident model that terse real reports («1й подъезд, 5 этаж. В коридоре висит
     * провод…») are none, so a blend leaning on it flagged only 65 % / 29 % of the real Kursk / SPb dev appeals
     * (docs/nlp.md, "The incident model on real text"). An appeal weighs 1/{@link #LABELLED_REPEAT} of a
     * labelled row: the labelled rows are repeated that many times (and the L2 cost scaled with them) — at the
     * labelled rows' own weight, 2,000 such rows lowered the model's AUC on the written posts.
     */
    public static final boolean APPEALS = true;
    /**
     * How many times each labelled row is repeated beside the appeals, each given once (their weight 1/2): 2 with L2
     * 0.012 per labelled row beat 5 with 0.01 by crossval's rule on the 7,026 dev rows (2026-12-05, docs/nlp.md).
     */
    public static final int LABELLED_REPEAT = 2;
    /**
     * Whether the incident model trains on TF-IDF values scaled by naive-Bayes log-count ratios, folded into its
     * stored weights ({@code NbRatios}; the analysis reads the model as any other). The Python prototype found it
     * the best ranking (docs/nlp.md, "The ranking, tried in Python"); {@code crossval --task incident --nb on,off}
     * measures it in the service's own trainer.
     */
    public static final boolean NB_RATIOS = false;
    /**
     * The weight of a real tweet of the training half ({@link RealTweets}) as a hard negative, in labelled rows
     * (0: no tweets). Issue 17 measured 0.2 % false alarms on real tweets and asked to keep it; the model learnt
     * little about them from the labelled set's 611 dev tweets. {@code crossval --task incident --tweets
     * 0,0.05,0.1,0.2} on the 7,026 dev rows (2026-12-05), the check half held to 0.2 % ({@code
     * --max-real-tweet-alarms}): 0.05 won by the rule, 0.755 / 0.808 cross-validated recall at 1.8 % false alarms
     * and 8 of 4,872 check-half tweets, against 0.693 / 0.762 and 9 without tweets; 0.2 tied it (0.753 / 0.806, 5
     * tweets), 0.1 came third (docs/nlp.md, "Real tweets as a check and as hard negatives"). With labellers M
     * and N (8,051 dev rows, {@code --tweets 0,0.05,0.2}, 13:10) 0.2 won: 0.766 / 0.799 at 1.8 %, 9 check-half
     * tweets, against 0.743 / 0.789 for 0.05 and 0.723 / 0.765 without tweets (docs/nlp.md, "The final retrain with
     * labellers M and N"). With labellers O–R (10,238 dev rows, 16:20) the trend came back at 1: {@code --tweets
     * 0.2,0.5,1} gave 0.740 / 0.771, 0.720 / 0.766 and 0.784 / 0.815, and with the informal texts at 0.05 ({@code
     * --tweets 0.2,1 --informal 0.05}) 1 won by the rule, 0.805 / 0.834 at 2.0 % and 7 check-half tweets, against
     * 0.770 / 0.798 for 0.2 (docs/nlp.md, "The final retrain with labellers O–R").
     */
    public static final double TWEETS = 1.0;
    /**
     * With hard negatives, every other training document is given at least this many times ({@link #scale}) and the
     * L2 cost scaled alike, so that a hard negative given once weighs 1 / ({@link #LABELLED_REPEAT} × 10) = 0.05 of a
     * labelled row. Equal events are merged by the trainer, so this costs no time.
     */
    static final int TWEET_SCALE = 10;
    /**
     * The largest multiple of {@link #TWEET_SCALE} {@link #scale} goes to: a weight must be a multiple of
     * 1 / (repeat × 10 × this) of a labelled row (0.005 with the labelled rows once).
     */
    static final int MAX_SCALE_STEPS = 20;

    /**
     * The informal non-incident texts' weight ({@link InformalNegatives}: forum and social comments of the Skoltech
     * appropriateness set and RUSSE detox comments with their neutral rewrites, training sides only, those naming a
     * civic subject left out), in labelled rows; 0: none. {@code crossval --task incident --informal 0,0.05,0.2}
     * measures it (docs/nlp.md, "More informal hard negatives"). On the 8,051 dev rows beside the tweets at 0.2
     * (2026-12-05, 15:20) 0.05 won by the rule: 0.793 / 0.841 cross-validated recall at 2.0 % false alarms and 9 of
     * 4,872 check-half tweets, against 0.766 / 0.799 at 1.8 % without them; 0.2 tied it (0.797 / 0.831 at 1.9 %).
     * With labellers O–R (10,238 dev rows, 16:20) 0.05 helped again: +3.0 / +2.7 points beside tweets at 0.2, +2.1 /
     * +1.9 beside tweets at 1 (docs/nlp.md, "The final retrain with labellers O–R").
     */
    public static final double INFORMAL = 0.05;

    /**
     * The count of each labelled-row or appeal document (and the L2 cost's factor) at these hard-negative weights
     * with the labelled rows repeated {@code labelledRepeat} times: 1 without hard negatives, else the smallest
     * multiple of {@link #TWEET_SCALE} at which every weight is a whole number of events. The granularity follows
     * the repeat: with the labelled rows once, 0.05 of a row needs 20 (10 gave half an event), while the shipped
     * recipe (twice, 0.05 and 1) stays at 10, so its training is unchanged.
     *
     * @throws IllegalArgumentException when a weight is below 0 or needs a scale past {@link #MAX_SCALE_STEPS} steps
     */
    public static int scale(int labelledRepeat, double... negativeWeights) {
        if (java.util.Arrays.stream(negativeWeights).noneMatch(w -> w > 0)) {
            return 1;
        }
        for (int k = 1; k <= MAX_SCALE_STEPS; k++) {
            int s = TWEET_SCALE * k;
            if (java.util.Arrays.stream(negativeWeights).allMatch(w -> w == 0 || whole(w * labelledRepeat * s))) {
                return s;
            }
        }
        throw new IllegalArgumentException("a hard negative's weight must be a multiple of "
                + 1.0 / (labelledRepeat * TWEET_SCALE * MAX_SCALE_STEPS) + " labelled rows, not "
                + String.join(", ", java.util.Arrays.stream(negativeWeights).mapToObj(w ->
                        java.math.BigDecimal.valueOf(w).stripTrailingZeros().toPlainString()).toList()));
    }

    private static boolean whole(double events) {
        return events > 1 - 1e-9 && Math.abs(events - Math.round(events)) < 1e-9;
    }

    /**
     * {@link #weigh(List, List, int)} with the real tweets as the only hard negatives.
     *
     * @throws IllegalArgumentException when the weight is not a multiple of the smallest one
     */
    public static Weighted weigh(List<LabeledText> rows, List<LabeledText> tweets, double tweetWeight,
                                 int labelledRepeat) {
        return weigh(rows, List.of(new Negatives(tweets, tweetWeight)), labelledRepeat);
    }

    /**
     * The incident model's training documents and their counts (empty: once each): {@code rows} (the labelled
     * rows, already repeated {@code labelledRepeat} times, and the appeals) at {@link #scale}, then each group of
     * hard negatives at its weight in labelled rows (a group at weight 0 is left out).
     *
     * @throws IllegalArgumentException when a weight is not a multiple of the smallest one
     */
    public static Weighted weigh(List<LabeledText> rows, List<Negatives> negatives, int labelledRepeat) {
        List<Negatives> given = negatives.stream().filter(n -> n.weight() > 0 && !n.texts().isEmpty()).toList();
        if (given.isEmpty()) {
            return new Weighted(rows, List.of());
        }
        // every group's weight, given or empty, as crossval's L2 factor sees them
        int scale = scale(labelledRepeat, negatives.stream().mapToDouble(Negatives::weight).toArray());
        List<LabeledText> texts = new ArrayList<>(rows);
        List<Integer> counts = new ArrayList<>(Collections.nCopies(rows.size(), scale));
        for (Negatives n : given) {
            texts.addAll(n.texts());
            counts.addAll(Collections.nCopies(n.texts().size(), (int) Math.round(n.weight() * labelledRepeat * scale)));
        }
        return new Weighted(List.copyOf(texts), List.copyOf(counts));
    }

    /** Hard negatives (none) given at {@code weight} labelled rows each. */
    public record Negatives(List<LabeledText> texts, double weight) {
    }

    /** Training documents with the number of times each is given to the trainer (empty: once each). */
    public record Weighted(List<LabeledText> texts, List<Integer> counts) {
    }

    /** SPb training-side appeals among the incident model's real appeals (the Kursk training side is ~1,600). */
    static final int SPB_APPEALS = 4000;

    private IncidentRecipe() {
    }
}
