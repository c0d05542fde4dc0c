package ru.otklik.nlp.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ru.otklik.nlp.IncidentDecider;
import ru.otklik.nlp.IncidentStack;
import ru.otklik.nlp.PostAnalysis;
import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.eval.IncidentEvaluation.Judged;
import ru.otklik.nlp.eval.IncidentEvaluation.Scores;
import ru.otklik.nlp.rules.RuleMatch;

/**
 * Scores {@link IncidentDecider} over a grid of its settings (blend weight, rule floor, threshold) on
 * labelled rows whose model answers are out-of-fold, and picks the setting to ship: the most recall (problems
 * plus questions) with false alarms at most a given share. Pure: the rows carry every model answer and rule
 * match the decision needs.
 */
public final class DecisionGrid {

    /**
     * One labelled row with what the decision sees.
     *
     * @param russian   whether the language identifier lets the text into the analysis
     * @param complaint the complaint model's answer
     * @param incident  the in-domain incident model's answer (out-of-fold), or {@code null}
     * @param type      the incident-type model's answer (out-of-fold), or {@code null}
     */
    public record Row(LabelledPosts.Post post, boolean russian, LabelScore complaint, LabelScore incident,
                      LabelScore type, List<RuleMatch> matches, String clean) {
    }

    /**
     * The figures of one setting: over all rows, over the written rows' {@code none}, and over the tweets.
     *
     * @param stack the learned decision the setting decides by ({@link IncidentStack}), or {@code null} for the blend
     */
    public record Point(IncidentDecider.Blend blend, double threshold, IncidentStack stack, Scores all,
                        Scores written, Scores tweets) {

        public Point(IncidentDecider.Blend blend, double threshold, Scores all, Scores written, Scores tweets) {
            this(blend, threshold, null, all, written, tweets);
        }

        /** The decider of this setting. */
        public IncidentDecider decider() {
            return new IncidentDecider(threshold, blend, stack);
        }
    }

    private static final LabelScore NO_TOPIC = new LabelScore("none", 0);

    private DecisionGrid() {
    }

    /** The decision's judgement of every row at one setting. */
    public static List<Judged> judge(List<Row> rows, IncidentDecider.Blend blend, double threshold) {
        return judge(rows, new IncidentDecider(threshold, blend));
    }

    /** The judgement of every row by one decider (a blend's or a learned decision's). */
    public static List<Judged> judge(List<Row> rows, IncidentDecider decider) {
        List<Judged> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String type = null;
            if (r.russian()) {
                type = decider.decide(r.complaint(), r.incident(), NO_TOPIC, null, r.type(), r.matches(), r.clean())
                        .incidentType();
            }
            out.add(new Judged(r.post(), new PostAnalysis(r.post().id(), r.russian() ? "ru" : "other", null, type, null,
                    null, null, null, List.of(), null, null, Map.of())));
        }
        return out;
    }

    public static Point at(List<Row> rows, IncidentDecider.Blend blend, double threshold) {
        return point(judge(rows, blend, threshold), blend, threshold, null);
    }

    /**
     * The figures of judgements made elsewhere (a learned decision's, out of fold) at one setting: {@code stack} is
     * the setting's decision to apply to other rows (the real appeals), {@code blend} its content floor.
     */
    public static Point point(List<Judged> judged, IncidentDecider.Blend blend, double threshold, IncidentStack stack) {
        return new Point(blend, threshold, stack, IncidentEvaluation.score(judged),
                IncidentEvaluation.score(judged.stream().filter(j -> "written".equals(j.post().source())).toList()),
                IncidentEvaluation.score(judged.stream().filter(j -> "rusentitweet".equals(j.post().source())).toList()));
    }

    /** Every setting of the grid, the rule floor on the same blend as the threshold. */
    public static List<Point> sweep(List<Row> rows, List<Double> weights, List<Double> floors, List<Double> thresholds) {
        return sweep(rows, weights, List.of(), floors, thresholds);
    }

    /**
     * Every setting of the grid; the floor's complaint weight takes each of {@code floorWeights} and the
     * threshold's own weight.
     */
    public static List<Point> sweep(List<Row> rows, List<Double> weights, List<Double> floorWeights,
                                    List<Double> floors, List<Double> thresholds) {
        return sweep(rows, weights, floorWeights, floors, thresholds, List.of(0));
    }

    /**
     * Every setting of the grid, each at every content floor of {@code minLetters} ({@link IncidentDecider.Blend#minLetters}).
     */
    public static List<Point> sweep(List<Row> rows, List<Double> weights, List<Double> floorWeights,
                                    List<Double> floors, List<Double> thresholds, List<Integer> minLetters) {
        record Setting(IncidentDecider.Blend blend, double threshold) {
        }
        List<Setting> settings = new ArrayList<>();
        for (double w : weights) {
            java.util.SortedSet<Double> fws = new java.util.TreeSet<>(floorWeights);
            fws.add(w);
            for (double fw : fws) {
                for (double f : floors) {
                    for (double t : thresholds) {
                        for (int letters : minLetters) {
                            settings.add(new Setting(new IncidentDecider.Blend(w, f, fw, letters), t));
                        }
                    }
                }
            }
        }
        // Each point judges every row anew with its own decider over immutable rows, so the points are independent:
        // judged in parallel (the grid with the content floors took 12 min a setting on one core), listed in order.
        return settings.parallelStream().map(s -> at(rows, s.blend(), s.threshold())).toList();
    }

    /**
     * The rule's order: the most recall; ties to the higher threshold, then the lower rule floor, then the higher
     * content floor (each: fewer alarms to come on texts unlike the dev rows).
     */
    private static final Comparator<Point> ORDER = Comparator.<Point>comparingDouble(DecisionGrid::recall)
            .thenComparingDouble(Point::threshold)
            .thenComparingDouble(p -> -p.blend().ruleFloor())
            .thenComparingInt(p -> p.blend().minLetters());

    /**
     * The point with the most recall (problem recall + question recall) among those with false alarms at most
     * {@code maxFalseAlarms} over all {@code none} rows and at most {@code maxTweetAlarms} over the tweets (a
     * tweet group with no row passes); ties go to the higher threshold, then the lower rule floor (fewer alarms
     * to come on texts unlike the dev rows), then the higher content floor.
     */
    public static Optional<Point> best(List<Point> points, double maxFalseAlarms, double maxTweetAlarms) {
        return points.stream()
                .filter(p -> p.all().falseAlarms() <= maxFalseAlarms)
                .filter(p -> !(p.tweets().falseAlarms() > maxTweetAlarms))
                .max(ORDER);
    }

    /**
     * Like {@link #best(List, double, double)}, but only among the points {@code admissible} accepts: the most
     * labelled recall whose setting also keeps the real appeals flagged at their floors (docs/nlp.md, "The
     * selection rule"). The labelled rows are the measure, the appeals a constraint: summing the two traded
     * labelled recall for appeals the incident model learnt the portals of. {@code admissible} is asked about
     * the points in order of recall until one passes (it scores the appeals, which is the costly part).
     */
    public static Optional<Point> best(List<Point> points, double maxFalseAlarms, double maxTweetAlarms,
                                       java.util.function.Predicate<Point> admissible) {
        return points.stream()
                .filter(p -> p.all().falseAlarms() <= maxFalseAlarms)
                .filter(p -> !(p.tweets().falseAlarms() > maxTweetAlarms))
                .sorted(ORDER.reversed())
                .filter(admissible)
                .findFirst();
    }

    /** The share of {@code rows} the decision makes incidents of at one setting (all real appeals: recall). */
    public static double flagged(List<Row> rows, IncidentDecider.Blend blend, double threshold) {
        return flagged(rows, new IncidentDecider(threshold, blend));
    }

    /** The share of {@code rows} the setting's decider (its blend, or its learned decision) makes incidents of. */
    public static double flagged(List<Row> rows, Point p) {
        return flagged(rows, p.decider());
    }

    private static double flagged(List<Row> rows, IncidentDecider decider) {
        if (rows.isEmpty()) {
            return 0;
        }
        return judge(rows, decider).stream().filter(j -> j.analysis().incidentType() != null).count()
                / (double) rows.size();
    }

    /** Problem recall plus question recall, a type with no row counting 0 (not NaN, which would win). */
    public static double recall(Point p) {
        return orZero(p.all().problemRecall()) + orZero(p.all().questionRecall());
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /**
     * A Markdown table row: weight, floor, the floor's weight, threshold, recalls, false alarms (all, written,
     * tweets), type, the content floor.
     */
    public static String markdownRow(String label, Point p) {
        // the threshold to three places: the grid has half steps at the top (0.985, 0.995)
        // a learned decision has no blend weights: its columns say so
        String weights = p.stack() != null ? "learned | learned | learned" : String.format(java.util.Locale.ROOT,
                "%.2f | %.2f | %.2f", p.blend().baseWeight(), p.blend().ruleFloor(), p.blend().floorWeight());
        return String.format(java.util.Locale.ROOT, "| %s | %s | %.3f | %s | %s | %s | %s | %s | %s | %d |",
                label, weights, p.threshold(),
                IncidentEvaluation.pct(p.all().problemRecall()), IncidentEvaluation.pct(p.all().questionRecall()),
                IncidentEvaluation.pct(p.all().falseAlarms()), IncidentEvaluation.pct(p.written().falseAlarms()),
                IncidentEvaluation.pct(p.tweets().falseAlarms()), IncidentEvaluation.pct(p.all().typeAccuracy()), p.blend().minLetters());
    }

    public static final String MARKDOWN_HEADER = "| setting | complaint weight | rule floor | floor's complaint weight "
            + "| threshold | problem recall | question recall | false alarms | on written none | on tweets | type accuracy | min letters |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
}
