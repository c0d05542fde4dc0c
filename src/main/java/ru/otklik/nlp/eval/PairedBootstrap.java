package ru.otklik.nlp.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The accuracy difference of two systems scored on the same items, with a paired bootstrap 95 % interval:
 * resample the items with replacement and take the 2.5th and 97.5th percentiles of the difference. Paired,
 * because both systems see the same hard and easy items; the seed is fixed so a report can be rebuilt.
 *
 * @param n         items compared
 * @param accuracyA accuracy of the first system
 * @param accuracyB accuracy of the second
 * @param low       2.5th percentile of A − B over the resamples
 * @param high      97.5th percentile
 */
public record PairedBootstrap(int n, double accuracyA, double accuracyB, double low, double high) {

    public static final int RESAMPLES = 10_000;
    private static final long SEED = 20261128L;

    public double difference() {
        return accuracyA - accuracyB;
    }

    /** {@code a[i]} and {@code b[i]}: whether each system got item i right. */
    public static PairedBootstrap of(boolean[] a, boolean[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("need the same, non-zero number of items for both systems");
        }
        int n = a.length;
        // per item: +1 only A right, −1 only B right, 0 both or neither
        int[] delta = new int[n];
        int rightA = 0;
        int rightB = 0;
        for (int i = 0; i < n; i++) {
            delta[i] = (a[i] ? 1 : 0) - (b[i] ? 1 : 0);
            rightA += a[i] ? 1 : 0;
            rightB += b[i] ? 1 : 0;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] diffs = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += delta[random.nextInt(n)];
            }
            diffs[r] = (double) sum / n;
        }
        Arrays.sort(diffs);
        return new PairedBootstrap(n, (double) rightA / n, (double) rightB / n,
                diffs[(int) (RESAMPLES * 0.025)], diffs[(int) (RESAMPLES * 0.975) - 1]);
    }
}
