package ru.otklik.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.otklik.nlp.PostAnalysis;
import ru.otklik.nlp.categorize.Prediction;

/**
 * An analysis' explanation in the form {@code post_analysis.explanation} stores it: what the review console shows
 * of it, and nothing it does not. Every analysed post stores one, and in the {@code analyze} command's form (five
 * {@code {"feature": …, "weight": …}} objects for each of seven categorisers, entities with offsets and source) it
 * was ≈ 1.9 KB of JSON, ≈ 2.5 KB as {@code jsonb}: two thirds of the cost of storing an analysis
 * (docs/performance.md, 2026-12-05).
 *
 * <ul>
 *   <li>{@code topFeatures}: per categoriser, each feature as the console prints it, {@code "<feature> +0.18"}
 *       (the weight signed, to two decimals, after the last space);</li>
 *   <li>{@code entities}: {@code [text, type]} pairs (the console shows no offsets or source);</li>
 *   <li>{@code matchedRules}, {@code complaintDecidedBy}, {@code modelComplaint}, {@code topicDecidedBy},
 *       {@code modelTopic}: as the {@code analyze} command has them; empty lists and nulls are left out.</li>
 * </ul>
 * Rows stored before 2026-12-05 evening hold the {@code analyze} form; the console reads both
 * ({@code Explanations}). Built straight from the record, not through a Jackson tree of it.
 */
public final class StoredExplanation {

    private StoredExplanation() {
    }

    public static Map<String, Object> of(PostAnalysis.Explanation e) {
        Map<String, Object> stored = new LinkedHashMap<>();
        if (e.topFeatures() != null) {
            Map<String, List<String>> features = new LinkedHashMap<>();
            e.topFeatures().forEach((task, list) -> features.put(task, list.stream().map(StoredExplanation::feature).toList()));
            stored.put("topFeatures", features);
        }
        if (e.matchedRules() != null && !e.matchedRules().isEmpty()) {
            stored.put("matchedRules", e.matchedRules());
        }
        if (e.entities() != null && !e.entities().isEmpty()) {
            stored.put("entities", e.entities().stream().map(x -> List.of(x.text(), x.type())).toList());
        }
        putPresent(stored, "complaintDecidedBy", e.complaintDecidedBy());
        putPresent(stored, "modelComplaint", label(e.modelComplaint()));
        putPresent(stored, "topicDecidedBy", e.topicDecidedBy());
        putPresent(stored, "modelTopic", label(e.modelTopic()));
        return stored;
    }

    /** The console skips a null value, so it is not stored. */
    private static void putPresent(Map<String, Object> stored, String key, Object value) {
        if (value != null) {
            stored.put(key, value);
        }
    }

    static String feature(Prediction.FeatureWeight f) {
        return f.feature() + " " + signed(f.weight());
    }

    /**
     * {@code String.format(Locale.ROOT, "%+.2f", w)}, digit for digit (the same half-up rounding of the double's
     * shortest decimal form, "-0.00" for a negative weight that rounds to zero), without the formatter's parsing of
     * its pattern for each of a post's 35 features.
     */
    public static String signed(double w) {
        if (!Double.isFinite(w)) {
            return String.format(Locale.ROOT, "%+.2f", w);
        }
        boolean negative = w < 0 || (w == 0 && 1 / w < 0);
        String digits = BigDecimal.valueOf(Math.abs(w)).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return (negative ? "-" : "+") + digits;
    }

    private static Map<String, Object> label(PostAnalysis.LabelScore s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", s.label());
        m.put("score", s.score());
        return m;
    }
}
