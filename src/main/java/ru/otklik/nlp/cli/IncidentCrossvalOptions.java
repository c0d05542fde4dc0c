package ru.otklik.nlp.cli;

import java.util.List;
import java.util.Locale;
import ru.otklik.nlp.data.IncidentRecipe;

/** {@code crossval --task incident}'s option values that need more than parsing: checked before any fold trains. */
final class IncidentCrossvalOptions {

    private IncidentCrossvalOptions() {
    }

    /**
     * The hard negatives' weights: each ≥ 0, and every pair of them a whole number of events at every labelled-row
     * repeat ({@link IncidentRecipe#scale}), checked before the first fold trains.
     */
    static void checkNegativeWeights(List<Double> tweets, List<Double> informal, List<Integer> repeats) {
        for (double tw : tweets) {
            for (double inf : informal) {
                if (tw < 0 || inf < 0) {
                    throw new CliArgs.UsageException("--" + (tw < 0 ? "tweets" : "informal")
                            + ": weights are ≥ 0 (of a labelled row), e.g. 0,0.1");
                }
                for (int repeat : repeats) {
                    try {
                        IncidentRecipe.scale(repeat, tw, inf);
                    } catch (IllegalArgumentException e) {
                        throw new CliArgs.UsageException("--tweets / --informal at --labelled-weight " + repeat + ": "
                                + e.getMessage());
                    }
                }
            }
        }
    }

    /** {@code --nb}'s values: on / off (true / false accepted too). */
    static boolean onOff(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("--nb takes on, off or both (on,off), got " + value);
        };
    }
}
