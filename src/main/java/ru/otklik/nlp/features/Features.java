package ru.otklik.nlp.features;

import java.util.Map;

/**
 * Raw term counts of one post: word unigrams ({@code w=}), word bigrams ({@code b=}) over stems and
 * character n-grams ({@code c=}) within words. Extracted once per post and shared by every categoriser,
 * each of which weights them with its own IDF table.
 *
 * @param counts feature name → occurrences in the post (unmodifiable)
 */
public record Features(Map<String, Integer> counts) {

    public Features {
        counts = Map.copyOf(counts);
    }

    public int size() {
        return counts.size();
    }
}
