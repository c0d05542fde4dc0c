package ru.otklik.crawler.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * 64-bit SimHash (Charikar) over words and word pairs. Two texts that share most of them get hashes a few bits
 * apart, which finds reposts and copied texts that differ by a signature, a link or a hashtag. Longer shingles
 * suit web pages; posts are short, and one added word moves too many 3-word shingles.
 */
public final class SimHash {

    /** Features are runs of 1 and 2 words. */
    static final int MAX_RUN = 2;
    /** Bands of the V11 indexes: six of 9 bits and one of 10. */
    public static final int BANDS = 7;

    private SimHash() {
    }

    public static long of(String text) {
        return fingerprint(text).hash();
    }

    /**
     * A text's hash, and its normalised length: the length of its words joined by single spaces, to decide
     * whether it is long enough to compare.
     */
    public record Fingerprint(long hash, int normalisedLength) {
    }

    /**
     * The words of a text are its lower-cased runs of letters and decimal digits ({@code \p{L}}, {@code \p{Nd}}),
     * links ({@code https?://\S+|www\.\S+}, wherever they start) dropped, ё folded to е. Every word and every
     * pair of neighbouring words votes with the hash of its UTF-8 bytes (a pair joined by a space).
     *
     * <p>One pass over the lower-cased text, with no string per word or pair and no regular expression: ingest
     * fingerprints every post, and splitting with regular expressions was most of a batch's service CPU
     * (2026-12-04). The hashes are those the split words gave, so stored fingerprints still match
     * ({@code SimHashTest} keeps that definition and compares).
     */
    public static Fingerprint fingerprint(String text) {
        // the whole string lower-cased at once, as it always was: String keeps the context rules (final sigma, İ)
        String s = text.toLowerCase(Locale.ROOT);
        int n = s.length();
        int[] bounds = new int[32];
        int count = 0;
        int i = 0;
        int start = -1;
        while (i < n) {
            int link = linkEnd(s, i);
            int cp = link < 0 ? s.codePointAt(i) : ' ';
            boolean word = link < 0 && (Character.isLetter(cp) || Character.isDigit(cp));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                if (count + 2 > bounds.length) {
                    bounds = Arrays.copyOf(bounds, bounds.length * 2);
                }
                bounds[count++] = start;
                bounds[count++] = i;
                start = -1;
            }
            i = link >= 0 ? link : i + Character.charCount(cp);
        }
        if (start >= 0) {
            if (count + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length + 2);
            }
            bounds[count++] = start;
            bounds[count++] = n;
        }
        int words = count / 2;
        int[] ones = new int[64];
        int length = Math.max(0, words - 1);
        for (int w = 0; w < words; w++) {
            int from = bounds[2 * w];
            int to = bounds[2 * w + 1];
            length += to - from;
            long single = utf8(FNV_OFFSET, s, from, to);
            count(ones, mix(single));
            if (w + 1 < words) {
                count(ones, mix(utf8(fnv(single, (byte) ' '), s, bounds[2 * w + 2], bounds[2 * w + 3])));
            }
        }
        // every word votes, and every pair of neighbours: 2 × words - 1 features (none without a word)
        return new Fingerprint(result(ones, Math.max(0, 2 * words - 1)), length);
    }

    /** Where a link starting at {@code i} ends, or -1 when none starts there. */
    private static int linkEnd(String s, int i) {
        char c = s.charAt(i);
        int rest;
        if (c == 'h' && s.startsWith("http://", i)) {
            rest = i + 7;
        } else if (c == 'h' && s.startsWith("https://", i)) {
            rest = i + 8;
        } else if (c == 'w' && s.startsWith("www.", i)) {
            rest = i + 4;
        } else {
            return -1;
        }
        int end = rest;
        while (end < s.length() && !isSpace(s.charAt(end))) {
            end++;
        }
        return end > rest ? end : -1;
    }

    /** The regular expressions' {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** FNV-1a over the UTF-8 bytes of {@code s[from, to)} (letters and digits only, so no lone surrogates), ё as е. */
    private static long utf8(long h, String s, int from, int to) {
        for (int i = from; i < to; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 'ё') {
                cp = 'е';
            }
            if (cp < 0x80) {
                h = fnv(h, (byte) cp);
            } else if (cp < 0x800) {
                h = fnv(fnv(h, (byte) (0xC0 | (cp >> 6))), (byte) (0x80 | (cp & 0x3F)));
            } else if (cp < 0x10000) {
                h = fnv(fnv(fnv(h, (byte) (0xE0 | (cp >> 12))), (byte) (0x80 | ((cp >> 6) & 0x3F))),
                        (byte) (0x80 | (cp & 0x3F)));
            } else {
                h = fnv(fnv(fnv(fnv(h, (byte) (0xF0 | (cp >> 18))), (byte) (0x80 | ((cp >> 12) & 0x3F))),
                        (byte) (0x80 | ((cp >> 6) & 0x3F))), (byte) (0x80 | (cp & 0x3F)));
            }
        }
        return h;
    }

    /**
     * A bit is set when more than half of the {@code features} hashes have it: the vote of +1 per set bit and -1 per
     * clear one is {@code 2 × ones - features}, so counting the ones is the same vote with no branch per bit.
     */
    private static long result(int[] ones, int features) {
        long result = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] > features) {
                result |= 1L << bit;
            }
        }
        return result;
    }

    private static void count(int[] ones, long h) {
        for (int bit = 0; bit < 64; bit++) {
            ones[bit] += (int) (h >>> bit) & 1;
        }
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Band {@code i} (0 = lowest bits), as the V66 expression indexes compute it: {@code (simhash >> shift) & mask}. */
    public static long band(long hash, int i) {
        return (hash >> shift(i)) & mask(i);
    }

    /** Where band {@code i} starts: 9 bits a band. */
    static int shift(int i) {
        return 9 * i;
    }

    /** Band {@code i}'s bits: 9, or 10 for the last, so the seven bands cover all 64. */
    static int mask(int i) {
        return i == BANDS - 1 ? 1023 : 511;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    /** FNV-1a over UTF-8, then the SplitMix64 finaliser: FNV alone lets similar shingles share high bits. */
    static long hash(String s) {
        long h = FNV_OFFSET;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = fnv(h, b);
        }
        return mix(h);
    }

    private static long fnv(long h, byte b) {
        return (h ^ (b & 0xFF)) * 0x100000001b3L;
    }

    private static long mix(long h) {
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
