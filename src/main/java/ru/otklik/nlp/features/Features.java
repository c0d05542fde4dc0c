package ru.otklik.nlp.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Raw term counts of one post: word unigrams ({@code w=}), word bigrams ({@code b=}) over stems and
 * character n-grams ({@code c=}) within words. Extracted once per post and shared by every categoriser,
 * each of which weights them with its own IDF table.
 *
 * @param counts feature name → occurrences in the post (unmodifiable, in name order)
 */
public record Features(Map<String, Integer> counts) {

    public Features {
        // In name order, not Map.copyOf's: the iteration order becomes the order of OpenNLP's predicates and of
        // the optimiser's floating-point sums, and Map.copyOf's changes with every JVM — the same training
        // command then gave a different model each run (one Kursk agency fold: 0.414 and 0.431 accuracy).
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(counts)));
    }

    public int size() {
        return counts.size();
    }
}
