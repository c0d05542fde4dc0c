package ru.otklik.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.otklik.nlp.IncidentStack;
import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.StackFeatures;
import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.data.LabelledTraining;
import ru.otklik.nlp.eval.DecisionGrid;
import ru.otklik.nlp.eval.DecisionGrid.Point;
import ru.otklik.nlp.eval.DecisionGrid.Row;
import ru.otklik.nlp.eval.OutOfFoldRows;
import ru.otklik.nlp.eval.StackFit;
import ru.otklik.nlp.train.ShippedModelBuilder;

/**
 * The incident decision cross-validated over a labelled set's dev rows: the first 240 written posts of the
 * committed set (their text is in the file, so no shared datasets are needed) and the shipped models.
 */
class IncidentCrossvalTest {

    @TempDir
    Path tmp;

    @Test
    void everyDevRowIsPredictedOutOfFoldAndNoTestRowIsRead() throws Exception {
        Path labelled = Files.createDirectories(tmp.resolve("labelled"));
        List<String> lines = Files.readAllLines(Path.of("labelled/written-posts.tsv"));
        Files.write(labelled.resolve("posts.tsv"), lines.subList(0, 241));
        long devRows = lines.subList(1, 241).stream().filter(l -> !LabelledTraining.isTestId(l.split("\t")[0])).count();
        Path rows = tmp.resolve("rows.tsv");

        String report = CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--labelled", labelled.toString(), "--models", "nlp-models", "--folds", "3", "--extras", "0", "--appeals", "false",
                "--max-false-alarms", "0.1", "--max-tweet-alarms", "1", "--nb", "on,off", "--out", rows.toString(),
                "--stack", tmp.resolve("stack.tsv").toString());

        assertThat(report).contains("## incident decision: 3-fold cross-validation over the labelled dev rows ("
                        + devRows + ")", "| complaint model alone, rules as before | 1.00 | 0.00 |",
                "| **extras 0, weight 1, L2 " + ShippedModelBuilder.INCIDENT_L2 + ", NB ratios: best blend** |",
                "| **extras 0, weight 1, L2 " + ShippedModelBuilder.INCIDENT_L2 + ": best blend** |", "Thresholds of the best blend",
                "| rule | incidents | none | precision |",
                "| **learned decision, real tweets ×0.0, appeals ×0.0, out of fold** | learned |",
                "| incident logit | ");
        // the learned decision is written for the lead to ship, and reads back
        assertThat(IncidentStack.read(tmp.resolve("stack.tsv")).weights()).hasSize(StackFeatures.NAMES.size());
        // the NB setting's rows first (--nb on,off), then the plain one's: both cover every dev row
        List<String> all = Files.readAllLines(rows);
        assertThat(all).hasSize(2 * (int) devRows + 1);
        assertThat(all.get(1)).contains("NB ratios");
        assertThat(all.get(all.size() - 1)).doesNotContain("NB ratios");
        List<String> out = all.subList(1, (int) devRows + 1);
        Set<String> ids = new HashSet<>();
        for (String line : out) {
            String[] f = line.split("\t", -1);
            assertThat(LabelledTraining.isTestId(f[1])).as(f[1]).isFalse();
            assertThat(ids.add(f[1])).isTrue();
            assertThat(f[6]).as("the incident model's out-of-fold answer").matches("(complaint|none) [01]\\.\\d+");
        }
        assertThat(ids).hasSize((int) devRows);
    }

    /**
     * {@code --from-rows}: the learned decision fitted on an earlier run's out-of-fold rows (1,284 written dev rows of
     * the shipped setting, 2026-12-05) without training, beside the shipped blend; the file it writes is the fit on
     * every row at the threshold the rule chose.
     */
    @Test
    void theLearnedDecisionIsFittedFromAnEarlierRunsRows() throws Exception {
        Path fixture = Path.of("src/test/resources/nlp/stack-rows.tsv");
        Path file = tmp.resolve("stack.tsv");

        String report = CrossvalCommandTest.run("crossval", "--task", "incident", "--from-rows", fixture.toString(),
                "--stack", file.toString());

        assertThat(report).contains("## The learned incident decision on 1284 out-of-fold rows",
                "| best blend | 0.10 | 0.40 | 0.20 | 0.950 | 0.786 | 0.799 | 0.019 |",
                "| **learned decision, real tweets ×0.0, appeals ×0.0, out of fold** | learned | learned | learned | 0.865 "
                        + "| 0.805 | 0.866 | 0.019 |",
                "Chosen: learned decision, real tweets ×0.0, appeals ×0.0 (more labelled recall than the blend).");
        IncidentStack written = IncidentStack.read(file);
        assertThat(written).isEqualTo(StackFit.fit(OutOfFoldRows.read(fixture, null), StackFit.L2, 0.865));
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--from-rows",
                fixture.toString(), "--config", "another setting"))
                .isInstanceOf(CliArgs.UsageException.class).hasMessageStartingWith("--from-rows: no rows of that --config");
    }

    /**
     * The training half's real tweets the stack is fitted on are answered out of fold: in every fold the incident
     * model's recipe holds none of the tweets that fold answers (and every other one, at its weight), and over the
     * folds each tweet is answered exactly once.
     */
    @Test
    void aHeldTweetIsAnsweredOnlyByAFoldThatDidNotTrainOnIt() throws Exception {
        Path labelled = Files.createDirectories(tmp.resolve("labelled"));
        Files.write(labelled.resolve("posts.tsv"), Files.readAllLines(Path.of("labelled/written-posts.tsv")).subList(0, 61));
        LabelledTraining dev = LabelledTraining.read(labelled, java.util.Optional.empty(), 1);
        List<ru.otklik.nlp.data.LabeledText> tweets = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tweets.add(new ru.otklik.nlp.data.LabeledText("rst-" + (1_230_000_000_000_000_000L + 7919L * i),
                    "обычный твит " + i, "none"));
        }
        Learnt learnt = new Learnt(LabelledTraining::complaint, List.of(),
                List.of(new ru.otklik.nlp.data.IncidentRecipe.Negatives(tweets, 1.0)), 2,
                ShippedModelBuilder.configFor(ru.otklik.nlp.data.TaskCorpora.INCIDENT));
        Set<String> answered = new HashSet<>();
        for (int k = 0; k < 5; k++) {
            List<ru.otklik.nlp.data.LabeledText> scored = Learnt.inFold(tweets, k, 5);
            assertThat(scored).as("fold %d answers some tweets", k).isNotEmpty();
            Set<String> trained = new HashSet<>(learnt.without(scored).of(dev.withoutFold(k, 5)).texts().stream()
                    .map(ru.otklik.nlp.data.LabeledText::id).toList());
            for (ru.otklik.nlp.data.LabeledText t : tweets) {
                boolean here = scored.contains(t);
                assertThat(trained.contains(t.id())).as(t.id() + " in fold " + k).isEqualTo(!here);
                assertThat(!here || answered.add(t.id())).as(t.id() + " answered twice").isTrue();
            }
        }
        assertThat(answered).hasSize(tweets.size());
        assertThat(learnt.without(List.of())).isSameAs(learnt);
    }

    /**
     * The check half's real tweets are a ceiling: a setting that flags more than {@code --max-real-tweet-alarms} of
     * them is passed over for the best one that does not, however much labelled recall it has.
     */
    @Test
    void theRuleRejectsASettingOverTheRealTweetLimit() {
        List<Row> labelled = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // the in-domain model finds every problem at 0.5, half of them at 0.8
            labelled.add(row("p" + i, "written", "problem", i < 5 ? 0.9 : 0.6));
            labelled.add(row("n" + i, "written", "none", 0.1));
        }
        // 500 real tweets: two score 0.6 (flagged at 0.5: 0.4 %), none 0.8 or more
        List<Row> tweets = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            tweets.add(row("t" + i, AppealColumns.CHECK_TWEETS, "none", i < 2 ? 0.6 : 0.2));
        }
        Map<String, List<Row>> real = Map.of(AppealColumns.CHECK_TWEETS, tweets);
        List<Point> points = DecisionGrid.sweep(labelled, List.of(0.0), List.of(0.0), List.of(0.5, 0.8));

        Point unchecked = DecisionGrid.best(points, 0.02, 0.005, p -> true).orElseThrow();
        assertThat(unchecked.threshold()).isEqualTo(0.5);
        assertThat(AppealColumns.keepsRealTweets(real, IncidentCrossval.MAX_REAL_TWEET_ALARMS, unchecked)).isFalse();

        Point checked = DecisionGrid.best(points, 0.02, 0.005,
                p -> AppealColumns.keepsRealTweets(real, IncidentCrossval.MAX_REAL_TWEET_ALARMS, p)).orElseThrow();
        assertThat(checked.threshold()).isEqualTo(0.8);
        assertThat(checked.all().problemRecall()).isEqualTo(0.5);
        // one tweet of 500 is 0.2 %: at the limit, not over it
        tweets.set(1, row("t1", AppealColumns.CHECK_TWEETS, "none", 0.2));
        assertThat(AppealColumns.keepsRealTweets(real, 0.002, unchecked)).isTrue();
        assertThat(AppealColumns.keepsRealTweets(Map.of(), 0.002, unchecked)).as("no check half").isTrue();
        assertThat(AppealColumns.header(List.of("kursk", AppealColumns.CHECK_TWEETS)))
                .contains("| kursk dev appeals flagged | real check-half tweets flagged |");
    }

    private static Row row(String id, String source, String gold, double incident) {
        LabelledPosts.Post post = new LabelledPosts.Post(id, "dev", source, "", "text " + id, gold, "");
        return new Row(post, true, new LabelScore("none", 0.0), new LabelScore("complaint", incident), null,
                List.of(), "text " + id);
    }

    @Test
    void badSettingsAreAClearError() throws Exception {
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--folds", "1"))
                .isInstanceOf(CliArgs.UsageException.class).hasMessage("--folds must be ≥ 2 and --labelled-weight ≥ 1");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--labelled", tmp.resolve("nowhere").toString()))
                .hasMessageStartingWith("labelled set not found at ");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--min-kursk-appeals", "x"))
                .isInstanceOf(CliArgs.UsageException.class)
                .hasMessage("--min-kursk-appeals must be a share from 0 to 1, not x");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--max-false-alarms", "2"))
                .hasMessage("--max-false-alarms must be a share from 0 to 1, not 2");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--l2", "0.01,abc"))
                .isInstanceOf(CliArgs.UsageException.class).hasMessage("--l2: not a valid value: abc");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--nb", "on,maybe"))
                .isInstanceOf(CliArgs.UsageException.class).hasMessage("--nb: not a valid value: maybe");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--tweets", "0,-0.1"))
                .isInstanceOf(CliArgs.UsageException.class)
                .hasMessage("--tweets: weights are ≥ 0 (of a labelled row), e.g. 0,0.1");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--informal", "0.05,0.0001"))
                .isInstanceOf(CliArgs.UsageException.class)
                .hasMessage("--tweets / --informal at --labelled-weight 2: a hard negative's weight must be a multiple "
                        + "of 0.0025 labelled rows, not 0, 0.0001");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--max-real-tweet-alarms", "5"))
                .hasMessage("--max-real-tweet-alarms must be a share from 0 to 1, not 5");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--labelled-weight", "1", "--tweets", "0.001"))
                .isInstanceOf(CliArgs.UsageException.class)
                .hasMessage("--tweets / --informal at --labelled-weight 1: a hard negative's weight must be a multiple "
                        + "of 0.005 labelled rows, not 0.001, 0");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--min-letters", "0,-4"))
                .isInstanceOf(CliArgs.UsageException.class).hasMessage("--min-letters: floors are ≥ 0 letters, e.g. 0,4,6");
        // the real rows' weights in the stack's fit are checked before any fold trains
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--stack", tmp.resolve("stack.tsv").toString(), "--stack-tweets", "1,-3"))
                .isInstanceOf(CliArgs.UsageException.class)
                .hasMessage("--stack-tweets / --stack-appeals: weights are ≥ 0, e.g. 0,1,3");
        // without the shared datasets the hard negatives default to none; asked for, they are an error. The shipped
        // informal weight 0.05 with the labelled rows once (--appeals false) passes the weights' check (20 events a
        // row, one a comment) and reaches the datasets' check
        Path labelled = Files.createDirectories(tmp.resolve("labelled"));
        Files.write(labelled.resolve("posts.tsv"), Files.readAllLines(Path.of("labelled/written-posts.tsv")).subList(0, 60));
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--labelled", labelled.toString(), "--appeals", "false", "--tweets", "0,0.1", "--informal", "0"))
                .isInstanceOf(CliArgs.UsageException.class)
                .hasMessage("--tweets or --informal above 0 needs the shared datasets (--data): not found under "
                        + tmp + " (0 leaves those hard negatives out)");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--labelled", labelled.toString(), "--appeals", "false", "--informal", "0.05"))
                .isInstanceOf(CliArgs.UsageException.class)
                .hasMessage("--tweets or --informal above 0 needs the shared datasets (--data): not found under "
                        + tmp + " (0 leaves those hard negatives out)");
    }
}
