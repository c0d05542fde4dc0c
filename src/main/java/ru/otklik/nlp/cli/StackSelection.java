package ru.otklik.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import ru.otklik.nlp.IncidentDecider;
import ru.otklik.nlp.IncidentStack;
import ru.otklik.nlp.StackFeatures;
import ru.otklik.nlp.eval.DecisionGrid;
import ru.otklik.nlp.eval.DecisionGrid.Point;
import ru.otklik.nlp.eval.DecisionGrid.Row;
import ru.otklik.nlp.eval.OutOfFoldRows;
import ru.otklik.nlp.eval.StackFit;

/**
 * {@code crossval --task incident --stack FILE}: the learned incident decision ({@link IncidentStack}) fitted on the
 * chosen setting's out-of-fold rows, judged by the same rule and limits as the blends by a second cross-validation
 * over those rows, reported beside the best blend, and written (fitted on every row, at the threshold the rule
 * chose) to FILE for the lead to ship as {@code nlp-models/blend/stack.tsv}. With {@code --from-rows rows.tsv}
 * (an earlier {@code --out}) it fits without training anything, beside the shipped blend, and without the real
 * appeals' and tweets' limits (their answers are not in the file).
 */
final class StackSelection {

    /** The rule's limits: false alarms over all none rows and the dev tweets, the real texts' floors and ceiling. */
    record Limits(double falseAlarms, double tweets, Map<String, Double> appealFloors, double realTweets) {
    }

    private StackSelection() {
    }

    /**
     * The fit's weights of the real rows tried ({@code --stack-tweets 0,1,3,10}, {@code --stack-appeals 0,1,3}): each
     * pair is fitted and judged by the same rule, the one with the most labelled recall within every limit is taken.
     */
    record Grid(List<Double> tweets, List<Double> appeals) {

        static Grid of(CliArgs args) {
            Grid g = new Grid(args.list("stack-tweets", "0,1,3,10", Double::valueOf),
                    args.list("stack-appeals", "0,1,3", Double::valueOf));
            if (java.util.stream.Stream.concat(g.tweets.stream(), g.appeals.stream()).anyMatch(w -> w < 0)) {
                throw new CliArgs.UsageException("--stack-tweets / --stack-appeals: weights are ≥ 0, e.g. 0,1,3");
            }
            return g;
        }
    }

    /**
     * The Markdown lines of the learned decision beside {@code blend}, one line per weight pair of {@code grid}, and
     * writes the best pair's full fit to {@code file} when the rule found a threshold within the limits. The limits
     * on real texts are read on {@code real}'s judged rows only, the blend's too.
     */
    static List<String> select(List<Row> rows, StackRealRows real, Point blend, Limits limits, Grid grid, Path file,
                               PrintStream err) throws IOException {
        List<List<Row>> folds = StackFit.folds(rows, StackFit.FOLDS);
        Map<String, List<Row>> judged = real.judged();
        List<String> md = new ArrayList<>();
        md.add("");
        md.add(String.format(Locale.ROOT, "The learned decision (`--stack`, docs/nlp.md \"A learned decision over the "
                + "signals\", \"Real rows inside the stack's fit\"): a logistic regression over %d signals (L2 %s on "
                + "standardised features), its threshold chosen by the same rule and limits; every labelled row "
                + "decided by a stack fitted without its stack fold (CRC32(id#stack) %% %d). Beside the labelled rows "
                + "the fit holds %d real rows (the training half's tweets, answered by incident models that did not "
                + "train on them, and the half of each appeal set with CRC32(id#stack-fit) even) at the weights "
                + "below; the real columns are the other halves of the appeals and the whole check half of the tweets, "
                + "decided by the stack fitted on every row; every real row has the full incident-type model's answer.",
                StackFeatures.NAMES.size(), StackFit.L2, StackFit.FOLDS, real.fit().size()));
        md.add("");
        md.add(AppealColumns.header(judged.keySet()));
        md.add(AppealColumns.row("best blend", blend, judged));
        List<Row> all = new ArrayList<>(rows);
        all.addAll(real.fit());
        Point best = null;
        IncidentStack bestFull = null;
        String bestName = null;
        for (double tw : grid.tweets()) {
            for (double aw : grid.appeals()) {
                long t0 = System.nanoTime();
                ToDoubleFunction<Row> weight = real.weights(tw, aw);
                List<IncidentStack> stacks = StackFit.outOfFold(folds, real.fit(), weight, StackFit.L2);
                IncidentStack full = StackFit.fit(all, weight, StackFit.L2, 0.5);
                List<Point> points = StackFit.sweep(folds, stacks, full, blend.blend(), StackFit.thresholds());
                Optional<Point> p = DecisionGrid.best(points, limits.falseAlarms(), limits.tweets(),
                        q -> AppealColumns.keepsAppeals(judged, limits.appealFloors(), q)
                                && AppealColumns.keepsRealTweets(judged, limits.realTweets(), q));
                String name = String.format(Locale.ROOT, "learned decision, real tweets ×%s, appeals ×%s", tw, aw);
                if (p.isPresent()) {
                    md.add(AppealColumns.row("**" + name + ", out of fold**", p.get(), judged));
                    if (best == null || DecisionGrid.recall(p.get()) > DecisionGrid.recall(best)) {
                        best = p.get();
                        bestFull = full;
                        bestName = name;
                    }
                } else {
                    // why: the threshold the labelled limits alone would take, with its real texts' figures beside it
                    DecisionGrid.best(points, limits.falseAlarms(), limits.tweets()).ifPresent(q -> md.add(
                            AppealColumns.row(name + ", labelled limits only (fails a real limit)", q, judged)));
                }
                err.printf(Locale.ROOT, "[crossval] %s: %d + %d rows, %d stack folds, %.0f s%n", name, rows.size(),
                        real.fit().size(), folds.size(), (System.nanoTime() - t0) / 1e9);
                err.println(md.get(md.size() - 1));
            }
        }
        md.add("");
        if (best == null) {
            md.add("No threshold of the learned decision keeps the limits at any weight: nothing written.");
            return md;
        }
        IncidentStack chosen = bestFull.withThreshold(best.threshold());
        md.add("Chosen: " + bestName + (DecisionGrid.recall(best) > DecisionGrid.recall(blend)
                ? " (more labelled recall than the blend)." : " (no more labelled recall than the blend)."));
        md.add("");
        md.add("| signal | weight (on its own scale) |");
        md.add("|---|---:|");
        md.add(String.format(Locale.ROOT, "| bias | %.3f |", chosen.bias()));
        for (int i = 0; i < StackFeatures.NAMES.size(); i++) {
            md.add(String.format(Locale.ROOT, "| %s | %.3f |", StackFeatures.NAMES.get(i), chosen.weights().get(i)));
        }
        if (file != null) {
            chosen.write(file, String.format(Locale.ROOT, "The learned incident decision (IncidentStack), fitted by "
                    + "crossval --task incident --stack on %d labelled dev rows' out-of-fold answers and %d real rows "
                    + "(%s); out of fold at this threshold: problem recall %.3f, question recall %.3f, false alarms "
                    + "%.3f (tweets %.3f).", rows.size(), real.fit().size(), bestName, best.all().problemRecall(),
                    best.all().questionRecall(), best.all().falseAlarms(), best.tweets().falseAlarms()));
            md.add("");
            md.add("Written to `" + file + "` (fitted on every row, at " + best.threshold() + ").");
        }
        return md;
    }

    /**
     * {@code --from-rows}: the learned decision on an earlier run's rows beside the shipped blend; with the real
     * limits when the file has the real rows ({@link OutOfFoldRows#REAL}), else the labelled ones only.
     */
    static int fromRows(CliArgs args, PrintStream out, PrintStream err) throws IOException {
        Path from = Path.of(args.option("from-rows").orElseThrow());
        StackRealRows.FileRows file = StackRealRows.split(OutOfFoldRows.read(from, args.option("config").orElse(null)));
        List<Row> rows = file.labelled();
        if (rows.isEmpty()) {
            throw new CliArgs.UsageException("--from-rows: no rows of that --config in " + from);
        }
        Limits limits = new Limits(args.share("max-false-alarms", 0.02), args.share("max-tweet-alarms", 0.005),
                file.any() ? Map.of("kursk", args.share("min-kursk-appeals", IncidentCrossval.MIN_APPEALS),
                        "spb", args.share("min-spb-appeals", IncidentCrossval.MIN_APPEALS)) : Map.of(),
                file.any() ? args.share("max-real-tweet-alarms", IncidentCrossval.MAX_REAL_TWEET_ALARMS) : 1);
        Point shipped = DecisionGrid.at(rows, IncidentDecider.Blend.DEFAULT, IncidentDecider.DEFAULT_THRESHOLD);
        List<String> md = new ArrayList<>();
        md.add("## The learned incident decision on " + rows.size() + " out-of-fold rows (`" + from.getFileName()
                + "`), beside the shipped blend");
        md.add("");
        md.add("Made by `java -jar target/quarkus-app/quarkus-run.jar " + String.join(" ", args.raw()) + "`; limits: "
                + "false alarms ≤ " + limits.falseAlarms() + " over all none rows, ≤ " + limits.tweets() + " over the "
                + "tweets" + (file.any() ? ", the real appeals' floors " + limits.appealFloors() + " and the check "
                + "half's tweets ≤ " + limits.realTweets() + " (their rows are in the file)."
                : "; the real appeals' and tweets' limits need a full `crossval --task incident --stack` run."));
        md.addAll(select(rows, file.real(), shipped, limits, Grid.of(args),
                args.option("stack").map(Path::of).orElse(null), err));
        out.println(String.join("\n", md));
        out.flush();
        return 0;
    }
}
