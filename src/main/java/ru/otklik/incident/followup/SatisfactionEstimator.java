package ru.otklik.incident.followup;

import java.util.Locale;
import ru.otklik.analysis.AnalysisResult;

/**
 * The author's satisfaction (0–1) from the sentiment of a follow-up comment after the answer:
 * positive → 0.5 + score / 2, negative → 0.5 − score / 2, neutral or unknown → 0.5. The incident's
 * estimate is the mean over the author's follow-ups.
 */
public final class SatisfactionEstimator {

    private SatisfactionEstimator() {
    }

    public static double estimate(AnalysisResult.Label sentiment) {
        if (sentiment == null || sentiment.label() == null) {
            return 0.5;
        }
        double score = Math.max(0, Math.min(1, sentiment.score()));
        return switch (sentiment.label().toLowerCase(Locale.ROOT)) {
            case "positive" -> 0.5 + score / 2;
            case "negative" -> 0.5 - score / 2;
            default -> 0.5;
        };
    }

    /** The running mean after one more sample. */
    public static double mean(Double current, int samples, double next) {
        return current == null || samples == 0 ? next : (current * samples + next) / (samples + 1);
    }
}
