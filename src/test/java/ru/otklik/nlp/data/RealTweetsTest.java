package ru.otklik.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The real tweets beside the labelled set: two fixed halves, none of them a labelled tweet, and the check half never
 * trained on. The last test needs {@code ../shared/datasets} (RuSentiTweet) and is skipped without it.
 */
class RealTweetsTest {

    private static final Path ROOT = Path.of(System.getProperty("otklik.shared", "../shared"), "datasets");

    @Test
    void theHalvesAreFixedByTheTweetIdAlone() {
        // CRC32("<id>#tweet-half") mod 2, written down once: a change of the rule moves tweets between the halves
        assertThat(RealTweets.isCheck("1241084680209866756")).isTrue();
        assertThat(RealTweets.isCheck("1336298363181027331")).isTrue();
        assertThat(RealTweets.isCheck("1230000000000000001")).isFalse();
        assertThat(RealTweets.isCheck("1230000000000000002")).isFalse();
        assertThat(RealTweets.isCheck("1230000000000000003")).isTrue();
        assertThat(RealTweets.isCheck("1230000000000000004")).isFalse();
        long check = java.util.stream.LongStream.range(0, 2000)
                .filter(i -> RealTweets.isCheck(String.valueOf(1_300_000_000_000_000_000L + i * 7919))).count();
        assertThat(check).isBetween(900L, 1100L);
    }

    @Test
    void labelledTweetsAreInNeitherHalfAndTheCheckHalfIsNeverTrainedOn() {
        List<LabeledText> corpus = new ArrayList<>();
        for (long i = 0; i < 400; i++) {
            corpus.add(new LabeledText("rst-" + (1_230_000_000_000_001_000L + i), "обычный твит " + i,
                    i % 3 == 0 ? "negative" : "positive"));
        }
        // a negative tweet naming a civic subject may be a complaint: checked, never learnt as none
        corpus.add(new LabeledText("rst-1230000000000000003", "опять яма на дороге у дома", "negative"));
        corpus.add(new LabeledText("rst-1230000000000000004", "опять яма на дороге у дома", "negative"));
        Set<String> labelled = Set.of("1230000000000001010", "1230000000000001011", "1230000000000001012");

        RealTweets tweets = RealTweets.of(corpus, labelled);

        Set<String> training = ids(tweets.training());
        Set<String> check = ids(tweets.check());
        assertThat(training).doesNotContainAnyElementsOf(check);
        assertThat(training).allMatch(id -> !RealTweets.isCheck(id.substring(4)));
        assertThat(check).allMatch(id -> RealTweets.isCheck(id.substring(4)));
        assertThat(training.size() + check.size()).isEqualTo(400 - 3 + 2 - 1);
        assertThat(training).noneMatch(id -> labelled.contains(id.substring(4)));
        assertThat(check).noneMatch(id -> labelled.contains(id.substring(4))).contains("rst-1230000000000000003");
        assertThat(training).doesNotContain("rst-1230000000000000004");
        assertThat(tweets.training()).extracting(LabeledText::label).containsOnly("none");
        assertThat(tweets.check()).extracting(LabeledText::label).containsOnly("none");
    }

    @Test
    void aTweetWeighsItsShareOfALabelledRowAndEverythingElseIsScaledAlike() {
        List<LabeledText> rows = List.of(new LabeledText("a#w0", "a", "complaint"), new LabeledText("a#w1", "a", "complaint"),
                new LabeledText("k", "appeal", "complaint"));
        List<LabeledText> tweets = List.of(new LabeledText("t1", "x", "none"), new LabeledText("t2", "y", "none"));

        IncidentRecipe.Weighted none = IncidentRecipe.weigh(rows, tweets, 0, 2);
        assertThat(none.texts()).isEqualTo(rows);
        assertThat(none.counts()).isEmpty();
        assertThat(IncidentRecipe.scale(2, 0)).isEqualTo(1);

        // labelled rows twice (repeat 2) × 10 = 20 events a row; a tweet at 0.1 of a row: 2 events
        IncidentRecipe.Weighted tenth = IncidentRecipe.weigh(rows, tweets, 0.1, 2);
        assertThat(tenth.texts()).hasSize(5).endsWith(tweets.toArray(LabeledText[]::new));
        assertThat(tenth.counts()).containsExactly(10, 10, 10, 2, 2);
        assertThat(IncidentRecipe.scale(2, 0.1)).isEqualTo(10);
        assertThat(IncidentRecipe.weigh(rows, tweets, 0.05, 2).counts()).endsWith(1, 1);
        // a finer weight takes a finer scale: 0.07 of a row is 7 events against a row's 2 × 50
        assertThat(IncidentRecipe.weigh(rows, tweets, 0.07, 2).counts()).containsExactly(50, 50, 50, 7, 7);
        assertThatThrownBy(() -> IncidentRecipe.weigh(rows, tweets, 0.0001, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a hard negative's weight must be a multiple of 0.0025 labelled rows, not 0.0001");

        // a second group of hard negatives at its own weight, after the tweets; a group at 0 is left out
        List<LabeledText> comments = List.of(new LabeledText("c1", "z", "none"));
        IncidentRecipe.Weighted both = IncidentRecipe.weigh(rows, List.of(new IncidentRecipe.Negatives(tweets, 0.1),
                new IncidentRecipe.Negatives(comments, 0.2)), 2);
        assertThat(both.texts()).hasSize(6).endsWith(comments.get(0));
        assertThat(both.counts()).containsExactly(10, 10, 10, 2, 2, 4);
        assertThat(IncidentRecipe.weigh(rows, List.of(new IncidentRecipe.Negatives(tweets, 0),
                new IncidentRecipe.Negatives(comments, 0.05)), 2).counts()).containsExactly(10, 10, 10, 1);
        assertThat(IncidentRecipe.scale(2, 0, 0.05)).isEqualTo(10);
        assertThat(IncidentRecipe.scale(2, 0, 0)).isEqualTo(1);
    }

    /**
     * The granularity follows the labelled rows' repeat: with the rows once (crossval --appeals false) 0.05 of a row
     * is one event against a row's 20, where a fixed scale of 10 made it half an event; the shipped recipe (rows
     * twice, tweets 1, informal 0.05) keeps its scale of 10, so its training is unchanged.
     */
    @Test
    void theScaleIsTheCoarsestThatGivesEveryWeightWholeEvents() {
        List<LabeledText> rows = List.of(new LabeledText("a", "a", "complaint"));
        List<LabeledText> tweets = List.of(new LabeledText("t1", "x", "none"));
        List<LabeledText> comments = List.of(new LabeledText("c1", "z", "none"));

        assertThat(IncidentRecipe.scale(IncidentRecipe.LABELLED_REPEAT, IncidentRecipe.TWEETS, IncidentRecipe.INFORMAL))
                .isEqualTo(10);
        assertThat(IncidentRecipe.weigh(rows, List.of(new IncidentRecipe.Negatives(tweets, 1.0),
                new IncidentRecipe.Negatives(comments, 0.05)), 2).counts()).containsExactly(10, 20, 1);
        assertThat(IncidentRecipe.scale(1, 0.05)).isEqualTo(20);
        assertThat(IncidentRecipe.weigh(rows, List.of(new IncidentRecipe.Negatives(tweets, 1.0),
                new IncidentRecipe.Negatives(comments, 0.05)), 1).counts()).containsExactly(20, 20, 1);
        assertThat(IncidentRecipe.scale(3, 1.0, 0.05)).isEqualTo(20);
        assertThat(IncidentRecipe.scale(1, 0.1)).isEqualTo(10);
        // an empty group's weight still sets the scale, as crossval's L2 factor reads it
        assertThat(IncidentRecipe.weigh(rows, List.of(new IncidentRecipe.Negatives(tweets, 1.0),
                new IncidentRecipe.Negatives(List.of(), 0.05)), 1).counts()).containsExactly(20, 20);
    }

    @Test
    void onTheRealCorpusNoLabelledTweetIsBesideTheSetAndNoCheckTweetIsAnExtra() throws Exception {
        assumeTrue(Files.isRegularFile(ROOT.resolve("rusentitweet/rusentitweet_train.csv")), "needs ../shared/datasets");
        LabelledTraining labelled = LabelledTraining.read(Path.of("labelled"), Optional.of(ROOT), 1);
        long devTweets = labelled.rows().stream().filter(p -> p.source().equals("rusentitweet")).count();
        // the test part's tweets are left out too, though their rows are never read into training
        assertThat((long) labelled.tweetRefs().size()).isGreaterThan(devTweets);

        TaskCorpora corpora = TaskCorpora.at(ROOT, Optional.of(labelled));
        RealTweets tweets = corpora.realTweets();

        Set<String> training = ids(tweets.training());
        Set<String> check = ids(tweets.check());
        assertThat(check).hasSizeBetween(4000, 5500);
        assertThat(training).hasSizeBetween(3500, 5500).doesNotContainAnyElementsOf(check);
        Set<String> refs = labelled.tweetRefs().stream().map(r -> "rst-" + r).collect(Collectors.toSet());
        assertThat(training).doesNotContainAnyElementsOf(refs);
        assertThat(check).doesNotContainAnyElementsOf(refs);
        // the incident model's shared-corpus extras (crossval --extras N) never take a check-half tweet either
        Set<String> extras = new HashSet<>(ids(corpora.incidentExtras(3000).split().train()));
        assertThat(extras).anyMatch(id -> id.startsWith("rst-")).doesNotContainAnyElementsOf(check);
    }

    private static Set<String> ids(List<LabeledText> list) {
        return list.stream().map(LabeledText::id).collect(Collectors.toSet());
    }
}
