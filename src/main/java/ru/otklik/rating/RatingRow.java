package ru.otklik.rating;

/**
 * One rated agency or municipality for one period. Durations are working hours; shares are 0–1;
 * a value that cannot be computed (nothing answered, nothing rated) is null.
 *
 * @param period "2025-03" for a month, "2025-03-01/2025-04-01" for an arbitrary period
 * @param rank   1 = best score; null while {@code received} is below the minimum sample
 */
public record RatingRow(String period, RatingDimension dimension, String key, int received, int handled, int answered,
                        int resolved, Double medianFirstResponseHours, Double p90FirstResponseHours,
                        Double medianResolutionHours, Double p90ResolutionHours, Double shareOnTime,
                        Double shareRatings45, Double reopenRate, Double satisfaction, Double shareAnswered,
                        Double shareResolved, Double score, Integer rank) {

    public RatingRow withRank(Integer newRank) {
        return new RatingRow(period, dimension, key, received, handled, answered, resolved, medianFirstResponseHours,
                p90FirstResponseHours, medianResolutionHours, p90ResolutionHours, shareOnTime, shareRatings45, reopenRate,
                satisfaction, shareAnswered, shareResolved, score, newRank);
    }
}
