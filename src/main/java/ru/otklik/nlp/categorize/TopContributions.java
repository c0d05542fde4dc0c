package ru.otklik.nlp.categorize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The few features with the largest positive contribution to an outcome, kept sorted as they are offered. */
final class TopContributions {

    private final int[] keys;
    private final double[] weights;
    private int size;

    TopContributions(int capacity) {
        keys = new int[capacity];
        weights = new double[capacity];
    }

    /** Considers feature {@code key} contributing {@code weight}; non-positive contributions never explain. */
    void offer(int key, double weight) {
        int capacity = keys.length;
        if (weight <= 0 || (size == capacity && weight <= weights[size - 1])) {
            return;
        }
        int pos = size < capacity ? size++ : size - 1;
        while (pos > 0 && weights[pos - 1] < weight) {
            weights[pos] = weights[pos - 1];
            keys[pos] = keys[pos - 1];
            pos--;
        }
        weights[pos] = weight;
        keys[pos] = key;
    }

    /** The kept features, largest first, named by {@code name} and rounded to three decimals. */
    List<Prediction.FeatureWeight> toList(IntFunction<String> name) {
        List<Prediction.FeatureWeight> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Prediction.FeatureWeight(name.apply(keys[i]), Math.round(weights[i] * 1000) / 1000.0));
        }
        return out;
    }
}
