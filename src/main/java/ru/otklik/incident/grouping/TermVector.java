package ru.otklik.incident.grouping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
public record TermVector(Map<String, Integer> counts) {

    private static final String GENERIC_WORDS = "grouping/generic-words.txt";
    private static final Analyzer ANALYZER = new RussianAnalyzer();
    private static final Set<String> GENERIC = genericStems();

    public TermVector {
        counts = Map.copyOf(counts);
    }

    public static TermVector of(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String stem : stems(text)) {
            // single letters and bare numbers (house numbers, floors) say nothing about the problem
            if (stem.length() > 1 && !stem.chars().allMatch(Character::isDigit) && !GENERIC.contains(stem)) {
                counts.merge(stem, 1, Integer::sum);
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
        Map<String, Integer> sum = new HashMap<>(counts);
        other.counts.forEach((term, count) -> sum.merge(term, count, Integer::sum));
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
        double dot = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            Integer theirs = other.counts.get(entry.getKey());
            if (theirs != null) {
                dot += (double) entry.getValue() * theirs;
            }
        }
        return dot / (norm() * other.norm());
    }

    private double norm() {
        double sum = 0;
        for (int count : counts.values()) {
            sum += (double) count * count;
        }
        return Math.sqrt(sum);
    }
}
