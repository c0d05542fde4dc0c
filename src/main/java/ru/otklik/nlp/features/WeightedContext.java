package ru.otklik.nlp.features;

/**
 * A post as one categoriser sees it: the known feature names and their TF-IDF weights, aligned by index,
 * in the shape OpenNLP's real-valued {@code Event} and {@code MaxentModel.eval(context, values)} expect.
 */
public record WeightedContext(String[] names, float[] values) {
}
