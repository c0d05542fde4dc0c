package ru.otklik.nlp.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Turns folded text into {@link Features}. Thread-safe: Lucene reuses token streams per thread and the
 * Snowball stemmer (which keeps state) is held per thread.
 *
 * <p>Why our own chain instead of {@code RussianAnalyzer}: we need the surface form (for character
 * n-grams) and the stem (for word n-grams) of the same token in one pass, and we keep stop words such as
 * "не", which carry sentiment and complaint signal.
 */
public final class FeatureExtractor {

    /** Long portal texts add little after a few paragraphs but cost time. */
    static final int MAX_CHARS = 4000;
    private static final int MIN_NGRAM = 2;
    private static final int MAX_NGRAM = 5;
    private static final String NUMBER = "<num>";

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            tokenizer.setMaxTokenLength(40);
            return new TokenStreamComponents(tokenizer);
        }
    };
    private final ThreadLocal<RussianStemmer> stemmer = ThreadLocal.withInitial(RussianStemmer::new);

    /** Extracts the features of text already passed through {@code TextNormalizer.fold}. */
    public Features extract(String folded) {
        String text = folded.length() > MAX_CHARS ? folded.substring(0, MAX_CHARS) : folded;
        Map<String, Integer> counts = new HashMap<>(256);
        List<String> stems = new ArrayList<>(64);
        try (TokenStream ts = analyzer.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String surface = term.toString();
                if (isNumber(surface)) {
                    stems.add(NUMBER);
                    continue;
                }
                stems.add(stem(surface));
                addCharNgrams(surface, counts);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a String reader
        }
        for (int i = 0; i < stems.size(); i++) {
            counts.merge("w=" + stems.get(i), 1, Integer::sum);
            if (i > 0) {
                counts.merge("b=" + stems.get(i - 1) + '_' + stems.get(i), 1, Integer::sum);
            }
        }
        return new Features(counts);
    }

    /** Stems one lower-case word with the Snowball Russian stemmer (Latin words pass through). */
    public String stem(String word) {
        RussianStemmer s = stemmer.get();
        s.setCurrent(word);
        s.stem();
        return s.getCurrent();
    }

    private static void addCharNgrams(String word, Map<String, Integer> counts) {
        if (word.length() < 2) {
            return;
        }
        String padded = ' ' + word + ' ';
        int len = padded.length();
        for (int n = MIN_NGRAM; n <= MAX_NGRAM; n++) {
            for (int i = 0; i + n <= len; i++) {
                counts.merge("c=" + padded.substring(i, i + n), 1, Integer::sum);
            }
        }
    }

    private static boolean isNumber(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }
}
