package ru.otklik.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
     * The Markdown lines of the learned decision beside {@code blend}, and writes its full fit to {@code file} when
     * the rule found a threshold within the limits.
     */
    static List<String> select(List<Row> rows, Point blend, Map<String, List<Row>> real, Limits limits, Path file,
                               PrintStream err) throws IOException {
        long t0 = System.nanoTime();
        List<List<Row>> folds = StackFit.folds(rows, StackFit.FOLDS);
        List<IncidentStack> stacks = StackFit.outOfFold(folds, StackFit.L2);
        IncidentStack full = StackFit.fit(rows, StackFit.L2, 0.5);
        List<Point> points = StackFit.sweep(folds, stacks, full, blend.blend(), StackFit.thresholds());
        Optional<Point> best = DecisionGrid.best(points, limits.falseAlarms(), limits.tweets(),
                p -> AppealColumns.keepsAppeals(real, limits.appealFloors(), p)
                        && AppealColumns.keepsRealTweets(real, limits.realTweets(), p));
        err.printf(Locale.ROOT, "[crossval] the learned decision: %d rows, %d stack folds, %.0f s%n", rows.size(),
                folds.size(), (System.nanoTime() - t0) / 1e9);
        List<String> md = new ArrayList<>();
        md.add("");
        md.add(String.format(Locale.ROOT, "The learned decision (`--stack`, docs/nlp.md \"A learned decision over the "
                + "signals\"): a logistic regression over %d signals (L2 %s on standardised features), its threshold "
                + "chosen by the same rule and limits; every row decided by a stack fitted without its stack fold "
                + "(CRC32(id#stack) %% %d). The real texts are decided by the stack fitted on every row (they have no "
                + "incident-type answer: its feature reads 0 there).", StackFeatures.NAMES.size(), StackFit.L2,
                StackFit.FOLDS));
        md.add("");
        md.add(AppealColumns.header(real.keySet()));
        md.add(AppealColumns.row("best blend", blend, real));
        if (best.isEmpty()) {
            // why: the threshold the labelled limits alone would take, with its real texts' figures beside it
            DecisionGrid.best(points, limits.falseAlarms(), limits.tweets()).ifPresent(p -> md.add(
                    AppealColumns.row("learned decision, out of fold, labelled limits only", p, real)));
            md.add("");
            md.add("No threshold of the learned decision keeps the limits: nothing written.");
            return md;
        }
        md.add(AppealColumns.row("**learned decision, out of fold**", best.get(), real));
        IncidentStack chosen = full.withThreshold(best.get().threshold());
        md.add("");
        md.add("| signal | weight (on its own scale) |");
        md.add("|---|---:|");
        md.add(String.format(Locale.ROOT, "| bias | %.3f |", chosen.bias()));
        for (int i = 0; i < StackFeatures.NAMES.size(); i++) {
            md.add(String.format(Locale.ROOT, "| %s | %.3f |", StackFeatures.NAMES.get(i), chosen.weights().get(i)));
        }
        if (file != null) {
            chosen.write(file, String.format(Locale.ROOT, "The learned incident decision (IncidentStack), fitted by "
                    + "crossval --task incident --stack on %d labelled dev rows' out-of-fold answers; out of fold at "
                    + "this threshold: problem recall %.3f, question recall %.3f, false alarms %.3f (tweets %.3f).",
                    rows.size(), best.get().all().problemRecall(), best.get().all().questionRecall(),
                    best.get().all().falseAlarms(), best.get().tweets().falseAlarms()));
            md.add("");
            md.add("Written to `" + file + "` (fitted on every row, at " + best.get().threshold() + ").");
        }
        return md;
    }

    /** {@code --from-rows}: the learned decision on an earlier run's rows beside the shipped blend. */
    static int fromRows(CliArgs args, PrintStream out, PrintStream err) throws IOException {
        Path from = Path.of(args.option("from-rows").orElseThrow());
        List<Row> rows = OutOfFoldRows.read(from, args.option("config").orElse(null));
        if (rows.isEmpty()) {
            throw new CliArgs.UsageException("--from-rows: no rows of that --config in " + from);
        }
        Limits limits = new Limits(args.share("max-false-alarms", 0.02), args.share("max-tweet-alarms", 0.005),
                Map.of(), 1);
        Point shipped = DecisionGrid.at(rows, IncidentDecider.Blend.DEFAULT, IncidentDecider.DEFAULT_THRESHOLD);
        List<String> md = new ArrayList<>();
        md.add("## The learned incident decision on " + rows.size() + " out-of-fold rows (`" + from.getFileName()
                + "`), beside the shipped blend");
        md.add("");
        md.add("Made by `java -jar target/quarkus-app/quarkus-run.jar " + String.join(" ", args.raw()) + "`; limits: "
                + "false alarms ≤ " + limits.falseAlarms() + " over all none rows, ≤ " + limits.tweets() + " over the "
                + "tweets; the real appeals' and tweets' limits need a full `crossval --task incident --stack` run.");
        md.addAll(select(rows, shipped, Map.of(), limits, args.option("stack").map(Path::of).orElse(null), err));
        out.println(String.join("\n", md));
        out.flush();
        return 0;
    }
}
