package ru.otklik.crawler.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash over word 3-shingles (Charikar). Two texts that share most shingles get hashes a few bits
 * apart, which finds reposts and copied texts that differ by a signature, a link or a hashtag.
 */
public final class SimHash {

    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    static final int SHINGLE = 3;

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
        return String.join(" ", words(text)).length();
    }

    public static long of(String text) {
        List<String> words = words(text);
        int[] votes = new int[64];
        int n = Math.max(1, words.size() - SHINGLE + 1);
        for (int i = 0; i < n; i++) {
            String shingle = String.join(" ", words.subList(i, Math.min(words.size(), i + SHINGLE)));
            long h = hash(shingle);
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
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

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The 16-bit band {@code i} (0 = highest), as the V10 expression indexes compute it. */
    public static long band(long hash, int i) {
        return (hash >> (48 - 16 * i)) & 0xFFFF;
    }

    /** FNV-1a over UTF-8, then the SplitMix64 finaliser: FNV alone lets similar shingles share high bits. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
