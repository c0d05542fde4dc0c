package ru.otklik.nlp.features;

/**
 * 64-bit FNV-1a over UTF-16 chars, computable incrementally. Lets the analysis look a feature up by the hash
 * of the characters it would be made of, without building the string: the hash of {@code "c=" + gram} is
 * {@code update(of("c="), gram)}. With a few hundred thousand features a 64-bit collision is a
 * one-in-ten-billion event, and {@link FeatureIndex} refuses to build if one happens.
 */
public final class FeatureHash {

    static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private FeatureHash() {
    }

    public static long of(CharSequence s) {
        return update(OFFSET, s);
    }

    public static long update(long h, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            h = update(h, s.charAt(i));
        }
        return h;
    }

    public static long update(long h, char[] chars, int from, int len) {
        for (int i = from; i < from + len; i++) {
            h = update(h, chars[i]);
        }
        return h;
    }

    public static long update(long h, char c) {
        return (h ^ c) * PRIME;
    }
}
