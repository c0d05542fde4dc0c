package ru.otklik.nlp.features;

/**
 * A post's features in a {@link FeatureIndex}'s id space: only features some model knows, each once, with
 * its count. The arrays are owned by this value; callers must not modify them.
 *
 * @param ids    feature ids, distinct
 * @param counts occurrences of {@code ids[i]} in the post
 */
public record IndexedFeatures(int[] ids, int[] counts) {

    public int size() {
        return ids.length;
    }
}
