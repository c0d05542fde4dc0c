package ru.otklik.nlp.data;

import static ru.otklik.nlp.data.LabeledTexts.crc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The RuSentiTweet tweets the labelled set does not hold (its dev and test rows alike), cut in two fixed halves
 * by CRC32 of {@code <tweet id>#tweet-half}: a <em>training half</em> the incident model may learn as hard
 * negatives ({@link IncidentRecipe#TWEETS}) and a <em>check half</em> that no model of the incident decision
 * trains on, which {@code crossval --task incident} scores against {@code --max-real-tweet-alarms} (docs/nlp.md,
 * "Real tweets as a check and as hard negatives"). The halves ignore the corpus's own dev / training split, so
 * each has ~4,800 tweets: one flagged tweet is 0.02 points, where one of the labelled set's 611 dev tweets is 0.16.
 *
 * <p>A tweet the labellers take into {@code labelled/} later simply leaves its half; the others keep theirs.
 *
 * @param training the training half, {@code none}, less the negative tweets that name a civic subject (they may be
 *                 complaints; the complaint model's corpus leaves them out alike, {@link TaskCorpora#CIVIC})
 * @param check    the whole check half, {@code none}, the few real incidents among them included
 */
public record RealTweets(List<LabeledText> training, List<LabeledText> check) {

    /** The salt of the halves' CRC32, so that they do not follow the corpus split (CRC32 of the bare id mod 5). */
    static final String HALF_SALT = "#tweet-half";

    /**
     * @param ruSentiTweet   the corpus ({@link SharedDatasets#ruSentiTweet}, ids {@code rst-<tweet id>})
     * @param labelledTweets the tweet ids ({@code ref}) of every labelled row from RuSentiTweet, dev and test
     */
    public static RealTweets of(List<LabeledText> ruSentiTweet, Set<String> labelledTweets) {
        List<LabeledText> training = new ArrayList<>();
        List<LabeledText> check = new ArrayList<>();
        for (LabeledText t : ruSentiTweet) {
            String id = tweetId(t.id());
            if (labelledTweets.contains(id)) {
                continue;
            }
            LabeledText none = new LabeledText(t.id(), t.text(), "none");
            if (isCheck(id)) {
                check.add(none);
            } else if (!t.label().equals("negative") || !TaskCorpora.CIVIC.matcher(t.text()).find()) {
                training.add(none);
            }
        }
        return new RealTweets(List.copyOf(training), List.copyOf(check));
    }

    /** Whether a tweet (its RuSentiTweet id, without {@code rst-}) is in the check half. */
    public static boolean isCheck(String tweetId) {
        return crc(tweetId + HALF_SALT) % 2 == 1;
    }

    private static String tweetId(String corpusId) {
        return corpusId.startsWith("rst-") ? corpusId.substring("rst-".length()) : corpusId;
    }
}
