package ru.otklik.nlp.text;

import java.util.HashMap;
import java.util.Map;

import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Russian Snowball stems, remembered per thread. Every post is stemmed three times (features, gazetteer,
 * Monitor rules) and residents use a small vocabulary, so a lookup replaces most of the stemmer's suffix
 * searches. Each thread keeps its own stemmer (it holds state) and its own table, which is simply emptied
 * when it fills: no locks, and memory stays bounded.
 */
public final class RussianStems {

    /** ≈ 3 MB a thread when full; the words of a few thousand posts. */
    static final int CAPACITY = 30_000;

    private static final ThreadLocal<RussianStems> PER_THREAD = ThreadLocal.withInitial(RussianStems::new);

    private final RussianStemmer stemmer = new RussianStemmer();
    private final Map<String, String> stems = new HashMap<>(CAPACITY * 2);

    private RussianStems() {
    }

    /** The Snowball stem of a lower-case word (words in other scripts come back unchanged). */
    public static String of(String word) {
        return PER_THREAD.get().stem(word);
    }

    /** How many stems this thread remembers (for tests of the bound). */
    static int remembered() {
        return PER_THREAD.get().stems.size();
    }

    private String stem(String word) {
        String stem = stems.get(word);
        if (stem == null) {
            stemmer.setCurrent(word);
            stemmer.stem();
            stem = stemmer.getCurrent();
            if (stems.size() >= CAPACITY) {
                stems.clear();
            }
            stems.put(word, stem);
        }
        return stem;
    }
}
