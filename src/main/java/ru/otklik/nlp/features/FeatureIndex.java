package ru.otklik.nlp.features;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One id space for the vocabularies of every loaded categoriser, so a post's features are looked up once and
 * shared by all models (the per-model string lookups were most of the categorisers' cost). Keyed by
 * {@link FeatureHash} in an open-addressing table: the extractor never has to build feature strings.
 * Immutable, thread-safe.
 */
public final class FeatureIndex {

    private static final long EMPTY = 0L;

    private final String[] names;
    private final long[] keys;
    private final int[] ids;
    private final int mask;

    private FeatureIndex(String[] names) {
        this.names = names;
        int capacity = Integer.highestOneBit(Math.max(4, names.length * 3)) << 1;
        this.keys = new long[capacity];
        this.ids = new int[capacity];
        this.mask = capacity - 1;
        for (int id = 0; id < names.length; id++) {
            insert(key(FeatureHash.of(names[id])), id);
        }
    }

    /** The union of the given vocabularies, ids in first-seen order. */
    public static FeatureIndex of(Collection<? extends Collection<String>> vocabularies) {
        Set<String> all = new LinkedHashSet<>();
        vocabularies.forEach(all::addAll);
        return new FeatureIndex(all.toArray(String[]::new));
    }

    /** The id of the feature whose {@link FeatureHash} is {@code hash}, or -1 when no model knows it. */
    public int id(long hash) {
        long k = key(hash);
        for (int slot = slot(k); ; slot = (slot + 1) & mask) {
            long found = keys[slot];
            if (found == k) {
                return ids[slot];
            }
            if (found == EMPTY) {
                return -1;
            }
        }
    }

    public int id(String feature) {
        return id(FeatureHash.of(feature));
    }

    public String name(int id) {
        return names[id];
    }

    public int size() {
        return names.length;
    }

    private void insert(long k, int id) {
        for (int slot = slot(k); ; slot = (slot + 1) & mask) {
            if (keys[slot] == EMPTY) {
                keys[slot] = k;
                ids[slot] = id;
                return;
            }
            if (keys[slot] == k) {
                throw new IllegalStateException("features '" + names[ids[slot]] + "' and '" + names[id]
                        + "' share a 64-bit hash; rename one");
            }
        }
    }

    private int slot(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    /** Zero marks an empty slot, so a hash of zero is stored as one (the features stay distinct). */
    private static long key(long hash) {
        return hash == EMPTY ? 1L : hash;
    }
}
