package ru.otklik.common;

/** Where the largest value is. */
public final class ArgMax {

    private ArgMax() {
    }

    /** The index of the largest of {@code values} (not empty); the first one on a tie, as OpenNLP picks. */
    public static int of(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
