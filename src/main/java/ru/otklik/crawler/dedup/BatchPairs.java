package ru.otklik.crawler.dedup;

import java.util.Arrays;

/**
 * The posts of one batch that are each other's near-duplicate candidates: published within the window of each
 * other and at most the maximum distance apart.
 *
 * <p>Two hashes at most {@code BANDS - 1} bits apart agree on at least one of the seven bands (each differing bit
 * spoils one band at most), so only posts that share a band value are compared, as the V66 band indexes do in the
 * database. Comparing every pair of a batch of 1,000 was 10^6 comparisons on the event loop that runs the batch's
 * statements, ≈ 10 % of its ingest time in the JFR of 2026-12-05 (docs/performance.md). At a distance of as many
 * bits as bands or more, two near-duplicates may differ in every band, so every pair is compared then.
 */
final class BatchPairs {

    private BatchPairs() {
    }

    /**
     * For each post, the places of the other posts that are its candidates, in ascending order.
     *
     * @param hashes   the posts' SimHashes
     * @param millis   their publication times in epoch milliseconds, in the same order
     * @param window   the largest distance in time, in milliseconds
     * @param distance the largest Hamming distance
     */
    static int[][] of(long[] hashes, long[] millis, long window, int distance) {
        int n = hashes.length;
        int[][] pairs = new int[n][];
        int[] seen = new int[n];
        int[] found = new int[n];
        int[][] bands = distance < SimHash.BANDS ? groups(hashes) : null;
        for (int i = 0; i < n; i++) {
            int count = 0;
            if (bands == null) {
                for (int j = 0; j < n; j++) {
                    if (candidate(hashes, millis, window, distance, i, j)) {
                        found[count++] = j;
                    }
                }
            } else {
                for (int b = 0; b < SimHash.BANDS; b++) {
                    int[] group = bands[b];
                    int value = band(hashes[i], b);
                    // group[0 .. mask] are the starts of each band value's run in group[mask + 2 ..]
                    int offset = SimHash.mask(b) + 2;
                    for (int k = group[value]; k < group[value + 1]; k++) {
                        int j = group[offset + k];
                        if (seen[j] != i + 1 && candidate(hashes, millis, window, distance, i, j)) {
                            seen[j] = i + 1;
                            found[count++] = j;
                        }
                    }
                }
                Arrays.sort(found, 0, count);
            }
            pairs[i] = Arrays.copyOf(found, count);
        }
        return pairs;
    }

    private static boolean candidate(long[] hashes, long[] millis, long window, int distance, int i, int j) {
        return i != j && Math.abs(millis[i] - millis[j]) <= window && SimHash.distance(hashes[i], hashes[j]) <= distance;
    }

    private static int band(long hash, int b) {
        return (int) ((hash >>> SimHash.shift(b)) & SimHash.mask(b));
    }

    /**
     * Per band, the posts grouped by their band value (a counting sort): the first {@code mask + 2} entries are
     * where each value's run starts (and where the last one ends), the rest the posts' places in value order.
     */
    private static int[][] groups(long[] hashes) {
        int n = hashes.length;
        int[][] bands = new int[SimHash.BANDS][];
        for (int b = 0; b < SimHash.BANDS; b++) {
            int values = SimHash.mask(b) + 1;
            int[] group = new int[values + 1 + n];
            for (long hash : hashes) {
                group[band(hash, b) + 1]++;
            }
            for (int v = 0; v < values; v++) {
                group[v + 1] += group[v];
            }
            int[] next = Arrays.copyOf(group, values);
            for (int j = 0; j < n; j++) {
                group[values + 1 + next[band(hashes[j], b)]++] = j;
            }
            bands[b] = group;
        }
        return bands;
    }
}
