package ru.otklik.crawler.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash (Charikar) over words and word pairs. Two texts that share most of them get hashes a few bits
 * apart, which finds reposts and copied texts that differ by a signature, a link or a hashtag. Longer shingles
 * suit web pages; posts are short, and one added word moves too many 3-word shingles.
 */
public final class SimHash {

    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    /** Features are runs of 1 and 2 words. */
    static final int MAX_RUN = 2;
    /** Bands of the V11 indexes: six of 9 bits and one of 10. */
    public static final int BANDS = 7;

    private SimHash() {
    }

    /** Lower-cased words, links and punctuation dropped, ё folded to е. */
    public static List<String> words(String text) {
        String plain = URL.matcher(text.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll(" ");
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(plain)) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** The normalised text's length in characters, to decide whether it is long enough to compare. */
    public static int normalisedLength(String text) {
        return normalisedLength(words(text));
    }

    /** The length of the words joined by single spaces. */
    public static int normalisedLength(List<String> words) {
        int length = Math.max(0, words.size() - 1);
        for (String w : words) {
            length += w.length();
        }
        return length;
    }

    public static long of(String text) {
        return of(words(text));
    }

    /**
     * The hash of a text's {@link #words}. A run of words is hashed as the bytes of the words joined by a space,
     * streamed rather than joined: ingest fingerprints every post, and building the strings was most of its cost.
     */
    public static long of(List<String> words) {
        byte[][] utf8 = new byte[words.size()][];
        for (int i = 0; i < utf8.length; i++) {
            utf8[i] = words.get(i).getBytes(StandardCharsets.UTF_8);
        }
        int[] votes = new int[64];
        for (int run = 1; run <= MAX_RUN; run++) {
            for (int i = 0; i + run <= utf8.length; i++) {
                long h = FNV_OFFSET;
                for (int k = i; k < i + run; k++) {
                    if (k > i) {
                        h = fnv(h, (byte) ' ');
                    }
                    for (byte b : utf8[k]) {
                        h = fnv(h, b);
                    }
                }
                vote(votes, mix(h));
            }
        }
        long result = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                result |= 1L << bit;
            }
        }
        return result;
    }

    private static void vote(int[] votes, long h) {
        for (int bit = 0; bit < 64; bit++) {
            votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
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
