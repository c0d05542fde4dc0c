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
        return String.join(" ", words(text)).length();
    }

    public static long of(String text) {
        List<String> words = words(text);
        int[] votes = new int[64];
        for (int run = 1; run <= MAX_RUN; run++) {
            for (int i = 0; i + run <= words.size(); i++) {
                long h = hash(String.join(" ", words.subList(i, i + run)));
                for (int bit = 0; bit < 64; bit++) {
                    votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
                }
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

    /** Band {@code i} (0 = lowest bits), as the V11 expression indexes compute it: {@code (simhash >> 9i) & mask}. */
    public static long band(long hash, int i) {
        return (hash >> (9 * i)) & (i == BANDS - 1 ? 1023 : 511);
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
