package ru.otklik.nlp.categorize;

import java.util.List;

/**
 * One categoriser's answer for a post.
 *
 * @param label       the best outcome
 * @param score       its probability
 * @param topFeatures the features that pushed hardest towards {@code label}, for the explanation
 */
public record Prediction(String label, double score, List<FeatureWeight> topFeatures) {

    /** One feature's contribution (TF-IDF value × model weight) towards the chosen label. */
    public record FeatureWeight(String feature, double weight) {
    }
}
