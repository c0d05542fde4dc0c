package ru.otklik.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.otklik.nlp.IncidentDecider.Blend;
import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.eval.DecisionGrid.Point;
import ru.otklik.nlp.eval.DecisionGrid.Row;
import ru.otklik.nlp.rules.RuleMatch;

class DecisionGridTest {

    private static Row row(String id, String source, String gold, double complaint, double incident,
                           List<RuleMatch> rules) {
        LabelledPosts.Post post = new LabelledPosts.Post(id, "dev", source, "", "text " + id, gold, "");
        return new Row(post, true, new LabelScore("complaint", complaint), new LabelScore("complaint", incident),
                null, rules, "text " + id);
    }

    /**
     * Ten problems the in-domain model ranks well and the complaint model does not; ten written none rows, one
     * of them news a topic rule fires on; ten tweets.
     */
    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(row("p" + i, "written", "problem", 0.3, 0.6 + i * 0.04, List.of()));
            rows.add(row("n" + i, "written", "none", 0.5, 0.05 + i * 0.04, List.of()));
            rows.add(row("t" + i, "rusentitweet", "none", 0.1, 0.05, List.of()));
        }
        rows.set(rows.size() - 2, row("news", "written", "none", 0.02, 0.01,
                List.of(new RuleMatch("housing-heating", "housing_utilities"))));
        return rows;
    }

    @Test
    void scoresEverySettingOnTheRowsItIsGiven() {
        Point inDomain = DecisionGrid.at(rows(), new Blend(0, 0), 0.5);
        assertThat(inDomain.all().problemRecall()).isEqualTo(1.0);
        // the news row's rule fires (no floor): one false alarm among 20 none, none among the tweets
        assertThat(inDomain.all().falseAlarms()).isEqualTo(0.05);
        assertThat(inDomain.written().falseAlarms()).isEqualTo(0.1);
        assertThat(inDomain.tweets().falseAlarms()).isZero();
        // the complaint model alone never reaches 0.5 on the problems
        assertThat(DecisionGrid.at(rows(), new Blend(1, 0), 0.5).all().problemRecall()).isZero();
        // a floor lets both models, sure of none, overrule the rule
        assertThat(DecisionGrid.at(rows(), new Blend(0, 0.05), 0.5).all().falseAlarms()).isZero();
    }

    /**
     * The content floor is a dimension of the grid: a real tweet «нет» the in-domain model is sure of costs a
     * false alarm at floor 0 and none at 4, with the same recall, so the rule takes the floor (a tie goes to the
     * higher content floor once threshold and rule floor are equal).
     */
    @Test
    void theContentFloorIsSweptAndATieGoesToTheHigherFloor() {
        List<Row> rows = new ArrayList<>(rows());
        LabelledPosts.Post no = new LabelledPosts.Post("no", "dev", "rusentitweet", "", "нет", "none", "");
        rows.add(new Row(no, true, new LabelScore("none", 0.9), new LabelScore("complaint", 0.97), null, List.of(),
                "нет"));
        List<Point> points = DecisionGrid.sweep(rows, List.of(0.0), List.of(), List.of(0.05), List.of(0.5),
                List.of(0, 4));
        assertThat(points).hasSize(2);
        assertThat(points.get(0).tweets().falseAlarms()).isGreaterThan(0);
        assertThat(points.get(1).tweets().falseAlarms()).isZero();
        assertThat(points.get(1).all().problemRecall()).isEqualTo(points.get(0).all().problemRecall());
        assertThat(DecisionGrid.best(points, 1, 1).orElseThrow().blend()).isEqualTo(new Blend(0, 0.05, 0, 4));
        assertThat(DecisionGrid.best(points, 1, 1, p -> true).orElseThrow().blend().minLetters()).isEqualTo(4);
        assertThat(DecisionGrid.markdownRow("x", points.get(1))).endsWith(" | 4 |");
    }

    @Test
    void theBestSettingHasTheMostRecallWithinTheFalseAlarmBudget() {
        List<Point> points = DecisionGrid.sweep(rows(), List.of(0.0, 1.0), List.of(0.0, 0.05),
                List.of(0.3, 0.5, 0.7));
        assertThat(points).hasSize(12);
        Point best = DecisionGrid.best(points, 0.0, 0.0).orElseThrow();
        assertThat(best.blend()).isEqualTo(new Blend(0, 0.05));
        assertThat(best.threshold()).isEqualTo(0.5);
        assertThat(best.all().problemRecall()).isEqualTo(1.0);
        assertThat(DecisionGrid.best(points, -0.01, 1)).isEmpty();
        // a tweet alarm budget below what every point has rules every point out
        List<Point> tweety = DecisionGrid.sweep(rows(), List.of(0.0), List.of(0.0), List.of(0.01));
        assertThat(tweety.get(0).tweets().falseAlarms()).isEqualTo(1.0);
        assertThat(DecisionGrid.best(tweety, 1, 0.5)).isEmpty();
        assertThat(DecisionGrid.best(tweety, 1, 1)).isPresent();
        assertThat(DecisionGrid.markdownRow("x", best)).startsWith("| x | 0.00 | 0.05 | 0.00 | 0.500 | 1.000 | — | 0.000 |");
    }

    @Test
    void realAppealsAreAFloorOnTheSettingNotPartOfItsScore() {
        // labelled rows the in-domain model knows; real appeals only the appeal-trained complaint model knows
        List<Row> labelled = new ArrayList<>();
        List<Row> appeals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            labelled.add(row("p" + i, "written", "problem", 0.4, 0.8, List.of()));
            labelled.add(row("n" + i, "written", "none", 0.1, 0.1, List.of()));
            appeals.add(row("a" + i, "kursk", "problem", 0.9, 0.3, List.of()));
        }
        assertThat(DecisionGrid.flagged(appeals, new Blend(0, 0), 0.5)).isZero();
        assertThat(DecisionGrid.flagged(appeals, new Blend(1, 0), 0.5)).isEqualTo(1.0);
        assertThat(DecisionGrid.flagged(List.of(), new Blend(1, 0), 0.5)).isZero();
        List<Point> points = DecisionGrid.sweep(labelled, List.of(0.0, 0.5, 1.0), List.of(0.0), List.of(0.5));
        // on the labelled rows alone the incident model (w 0) and the blend (w 0.5) tie; the first wins
        assertThat(DecisionGrid.best(points, 0.0, 0.0).orElseThrow().blend().baseWeight()).isZero();
        Point kept = DecisionGrid.best(points, 0.0, 0.0,
                p -> DecisionGrid.flagged(appeals, p.blend(), p.threshold()) >= 0.85).orElseThrow();
        // the blend keeps every labelled problem (σ(½·logit 0.4 + ½·logit 0.8) ≈ 0.62) and flags every appeal
        assertThat(kept.blend().baseWeight()).isEqualTo(0.5);
        assertThat(kept.all().problemRecall()).isEqualTo(1.0);
        // the complaint model alone flags the appeals too, but misses the labelled problems: never preferred
        assertThat(DecisionGrid.best(points, 0.0, 0.0, p -> p.blend().baseWeight() != 0.5).orElseThrow()
                .blend().baseWeight()).isZero();
        assertThat(DecisionGrid.best(points, 0.0, 0.0, p -> false)).isEmpty();
    }

    @Test
    void aTextNotAnalysedAsRussianIsNeverFlagged() {
        Row r = row("en", "written", "problem", 0.99, 0.99, List.of());
        Row english = new Row(r.post(), false, r.complaint(), r.incident(), null, List.of(), r.clean());
        assertThat(DecisionGrid.at(List.of(english), new Blend(0.5, 0), 0.5).all().problemRecall()).isZero();
    }
}
