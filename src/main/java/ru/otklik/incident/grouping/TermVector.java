package ru.otklik.incident.grouping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A bag of Russian stems (Lucene's RussianAnalyzer: lower case, stop words removed, Snowball
 * stemming) and cosine similarity between two bags. Stemming lets "яма на дороге" and "ямы на
 * дорогах" meet; stop words keep "и", "на", "в" from making every complaint look alike.
 */
public final class TermVector {

    private static final String GENERIC_WORDS = "grouping/generic-words.txt";
    private static final Analyzer ANALYZER = new RussianAnalyzer();
    private static final Set<String> GENERIC = genericStems();
    public static final TermVector EMPTY = new TermVector(Map.of());

    private final Map<String, Integer> counts;
    /** Kept with the bag: grouping compares an incident's vector with every complaint of a batch. */
    private final double norm;

    public TermVector(Map<String, Integer> counts) {
        this.counts = Map.copyOf(counts);
        double sum = 0;
        for (int count : this.counts.values()) {
            sum += (double) count * count;
        }
        this.norm = Math.sqrt(sum);
    }

    /** Stem → how many times it occurs. */
    public Map<String, Integer> counts() {
        return counts;
    }

    public static TermVector of(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String stem : stems(text)) {
            // single letters and bare numbers (house numbers, floors) say nothing about the problem
            if (stem.length() > 1 && !stem.chars().allMatch(Character::isDigit) && !GENERIC.contains(stem)) {
                // Interned: the grouping caches hold the bags of thousands of posts, and one String per stem and
                // post was most of the service's live heap beside the models (≈ 340,000 copies of a few thousand
                // stems, ≈ 20 MB of the 150 MB the capped heap keeps old). An interned String is still collected
                // once no bag refers to it.
                counts.merge(stem.intern(), 1, Integer::sum);
            }
        }
        return new TermVector(counts);
    }

    private static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        try (TokenStream tokens = ANALYZER.tokenStream("text", text == null ? "" : text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                stems.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stems;
    }

    /**
     * Words like "необходимо", "подъезд", "этаж" occur in complaints about anything; left in, two
     * short complaints about a broken window and about junk on the landing look alike.
     */
    private static Set<String> genericStems() {
        try (InputStream in = TermVector.class.getClassLoader().getResourceAsStream(GENERIC_WORDS)) {
            if (in == null) {
                throw new IllegalStateException(GENERIC_WORDS + " is missing");
            }
            Set<String> stems = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String word = line.replaceAll("#.*", "").strip();
                if (!word.isEmpty()) {
                    stems.addAll(stems(word));
                }
            }
            return Set.copyOf(stems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sum of two bags: an incident's vector is the sum of its posts'. */
    public TermVector plus(TermVector other) {
        return sum(List.of(this, other));
    }

    /**
     * The sum of many bags in one pass: an incident's vector is the sum of its latest posts', and folding them
     * with {@link #plus} copied the growing bag once per post (the largest cost of grouping a batch).
     */
    public static TermVector sum(Collection<TermVector> bags) {
        Map<String, Integer> sum = new HashMap<>();
        for (TermVector bag : bags) {
            bag.counts.forEach((term, count) -> sum.merge(term, count, Integer::sum));
        }
        return new TermVector(sum);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Cosine similarity in 0..1; 0 if either bag is empty. */
    public double cosine(TermVector other) {
        if (isEmpty() || other.isEmpty()) {
            return 0;
        }
        // walk the smaller bag: a post has a few stems, an incident the sum of its latest posts'
        Map<String, Integer> small = counts.size() <= other.counts.size() ? counts : other.counts;
        Map<String, Integer> large = small == counts ? other.counts : counts;
        double dot = 0;
        for (Map.Entry<String, Integer> entry : small.entrySet()) {
            Integer theirs = large.get(entry.getKey());
            if (theirs != null) {
                dot += (double) entry.getValue() * theirs;
            }
        }
        return dot / (norm * other.norm);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermVector other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return "TermVector" + counts;
    }
}
