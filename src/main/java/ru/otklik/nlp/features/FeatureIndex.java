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

    /**
     * Every feature's name, one after another: name i is {@code [nameStart[i], nameStart[i + 1])}. Names are read
     * only to explain a prediction, and a {@code String} per feature cost ~40 bytes of headers on top of its
     * characters, across the ~10^6 features of the loaded models. Characters, not UTF-8: a character n-gram may
     * hold half a surrogate pair, which UTF-8 cannot encode.
     */
    private final char[] nameChars;
    private final int[] nameStart;
    /**
     * Slot s holds its key at {@code 2s} and the feature id at {@code 2s + 1}: a probe reads one cache line,
     * which matters because a post makes a thousand probes at random places in a table of megabytes.
     */
    private final long[] slots;
    private final int mask;

    private FeatureIndex(String[] names) {
        nameStart = new int[names.length + 1];
        for (int id = 0; id < names.length; id++) {
            nameStart[id + 1] = Math.addExact(nameStart[id], names[id].length());
        }
        nameChars = new char[nameStart[names.length]];
        for (int id = 0; id < names.length; id++) {
            names[id].getChars(0, names[id].length(), nameChars, nameStart[id]);
        }
        int capacity = Integer.highestOneBit(Math.max(4, names.length * 2 - 1)) << 1;
        this.slots = new long[capacity * 2];
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
            long found = slots[2 * slot];
            if (found == k) {
                return (int) slots[2 * slot + 1];
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
        return new String(nameChars, nameStart[id], nameStart[id + 1] - nameStart[id]);
    }

    public int size() {
        return nameStart.length - 1;
    }

    private void insert(long k, int id) {
        for (int slot = slot(k); ; slot = (slot + 1) & mask) {
            if (slots[2 * slot] == EMPTY) {
                slots[2 * slot] = k;
                slots[2 * slot + 1] = id;
                return;
            }
            if (slots[2 * slot] == k) {
                throw new IllegalStateException("features '" + name((int) slots[2 * slot + 1]) + "' and '" + name(id)
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
