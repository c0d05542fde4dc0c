package ru.otklik.nlp.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.eval.DecisionGrid;
import ru.otklik.nlp.eval.DecisionGrid.Point;
import ru.otklik.nlp.eval.DecisionGrid.Row;

/**
 * The real dev appeals' part of {@code crossval --task incident}'s grid: a column per appeal set (the share it flags
 * at each setting), the floor a setting must keep, and how the report names them.
 */
final class AppealColumns {

    /** The real tweets of the check half ({@code RealTweets}): a ceiling, where the appeal sets are floors. */
    static final String CHECK_TWEETS = "check-half tweets";

    private AppealColumns() {
    }

    static String header(java.util.Collection<String> sets) {
        if (sets.isEmpty()) {
            return DecisionGrid.MARKDOWN_HEADER;
        }
        String[] lines = DecisionGrid.MARKDOWN_HEADER.split("\n");
        StringBuilder h = new StringBuilder(lines[0]);
        StringBuilder rule = new StringBuilder(lines[1]);
        sets.forEach(k -> {
            h.append(" ").append(k.equals(CHECK_TWEETS) ? "real " + k : k + " dev appeals").append(" flagged |");
            rule.append("---:|");
        });
        return h + "\n" + rule;
    }

    /** A grid row with the shares of each real-appeal set flagged at its setting. */
    static String row(String label, Point p, Map<String, List<Row>> appealRows) {
        StringBuilder out = new StringBuilder(DecisionGrid.markdownRow(label, p));
        // the check half to four places: its limit is 0.002, and one tweet of ~4,900 is 0.0002
        appealRows.forEach((name, rows) -> out.append(String.format(Locale.ROOT,
                name.equals(CHECK_TWEETS) ? " %.4f |" : " %.3f |", DecisionGrid.flagged(rows, p))));
        return out.toString();
    }

    /**
     * Whether the setting flags at most {@code max} of the check half's real tweets (no check half: it passes). Two
     * limits on tweets, as the labelled set's 611 dev tweets (one is 0.16 points) cannot see 0.2 %.
     */
    static boolean keepsRealTweets(Map<String, List<Row>> realRows, double max, Point p) {
        List<Row> tweets = realRows.getOrDefault(CHECK_TWEETS, List.of());
        return tweets.isEmpty() || DecisionGrid.flagged(tweets, p) <= max;
    }

    /** Whether the setting flags at least each real-appeal set's floor (a set without a floor passes). */
    static boolean keepsAppeals(Map<String, List<Row>> appealRows, Map<String, Double> floors, Point p) {
        return appealRows.entrySet().stream().allMatch(e -> DecisionGrid.flagged(e.getValue(), p)
                >= floors.getOrDefault(e.getKey(), 0.0));
    }

    static String appealFloorText(Map<String, Double> floors, Map<String, List<LabeledText>> devAppeals) {
        return String.join(" and ", devAppeals.keySet().stream()
                .map(k -> floors.getOrDefault(k, 0.0) + " " + k).toList());
    }

    static String appealSizes(Map<String, List<LabeledText>> devAppeals) {
        return String.join(", ", devAppeals.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey())
                .toList());
    }
}
