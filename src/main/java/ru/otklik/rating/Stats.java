package ru.otklik.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The small statistics the ratings use, with their exact definitions in one place. */
final class Stats {

    private Stats() {
    }

    /** The classic median: the middle value, or the mean of the two middle values. Null for no values. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Nearest-rank percentile: the smallest value with at least p % of the values at or below it
     * ({@code sorted[ceil(p/100 · n) − 1]}). Always an observed value, easy to check by hand.
     */
    static Double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 4);
    }

    static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static Double round(Double value, int places) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
