package ru.otklik.nlp.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import ru.otklik.nlp.text.RussianStems;

/**
 * Turns folded text into features: word unigrams ({@code w=}) and bigrams ({@code b=}) over stems,
 * character 2–5-grams ({@code c=}) within space-padded words, and the punctuation runs between words
 * ({@code p=}). Thread-safe: Lucene reuses token streams per thread and stems come from the per-thread
 * {@link RussianStems}.
 *
 * <p>Two outputs from one walk over the text: {@link #extract(String)} names every feature (training, which
 * builds vocabularies), {@link #extract(String, FeatureIndex)} looks each one up by hash without building
 * its string (analysis, where only known features matter and allocation is the cost).
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
    private static final int MAX_TOKEN = 40;
    private static final String NUMBER = "<num>";
    private static final long CHAR_PREFIX = FeatureHash.of("c=");
    private static final long WORD_PREFIX = FeatureHash.of("w=");
    private static final long BIGRAM_PREFIX = FeatureHash.of("b=");
    private static final long PUNCTUATION_PREFIX = FeatureHash.of("p=");
    /** A punctuation run keeps at most this many characters, and a character at most three repeats. */
    private static final int MAX_PUNCTUATION = 8;

    /** Where the walk reports each feature occurrence. */
    private interface Sink {
        void charGram(char[] padded, int from, int length);

        void word(String stem);

        void bigram(String previous, String stem);

        void punctuation(char[] run, int length);
    }

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            tokenizer.setMaxTokenLength(MAX_TOKEN);
            return new TokenStreamComponents(tokenizer);
        }
    };
    private final ThreadLocal<Counter> counters = new ThreadLocal<>();

    /** Every feature of text already passed through {@code TextNormalizer.fold}, by name. */
    public Features extract(String folded) {
        Map<String, Integer> counts = new HashMap<>(256);
        walk(folded, new Sink() {
            @Override
            public void charGram(char[] padded, int from, int length) {
                counts.merge("c=" + new String(padded, from, length), 1, Integer::sum);
            }

            @Override
            public void word(String stem) {
                counts.merge("w=" + stem, 1, Integer::sum);
            }

            @Override
            public void bigram(String previous, String stem) {
                counts.merge("b=" + previous + '_' + stem, 1, Integer::sum);
            }

            @Override
            public void punctuation(char[] run, int length) {
                counts.merge("p=" + new String(run, 0, length), 1, Integer::sum);
            }
        });
        return new Features(counts);
    }

    /** The features of folded text that {@code index} knows, by id; the same counts as {@link #extract(String)}. */
    public IndexedFeatures extract(String folded, FeatureIndex index) {
        Counter counter = counters.get();
        if (counter == null || counter.index != index) {
            counter = new Counter(index);
            counters.set(counter);
        }
        Counter c = counter;
        walk(folded, new Sink() {
            @Override
            public void charGram(char[] padded, int from, int length) {
                c.add(FeatureHash.update(CHAR_PREFIX, padded, from, length));
            }

            @Override
            public void word(String stem) {
                c.add(FeatureHash.update(WORD_PREFIX, stem));
            }

            @Override
            public void bigram(String previous, String stem) {
                c.add(FeatureHash.update(FeatureHash.update(FeatureHash.update(BIGRAM_PREFIX, previous), '_'), stem));
            }

            @Override
            public void punctuation(char[] run, int length) {
                c.add(FeatureHash.update(PUNCTUATION_PREFIX, run, 0, length));
            }
        });
        return c.drain();
    }

    /** Stems one lower-case word with the Snowball Russian stemmer (Latin words pass through). */
    public String stem(String word) {
        return RussianStems.of(word);
    }

    private void walk(String folded, Sink sink) {
        String text = folded.length() > MAX_CHARS ? folded.substring(0, MAX_CHARS) : folded;
        List<String> stems = new ArrayList<>(64);
        // One scratch buffer for a word's padded form and for the punctuation run before it, which is reported
        // before the word is copied in (MAX_PUNCTUATION < MAX_TOKEN + 2).
        char[] padded = new char[MAX_TOKEN + 2];
        int gap = 0;
        try (TokenStream ts = analyzer.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                punctuation(text, gap, offsets.startOffset(), padded, sink);
                gap = offsets.endOffset();
                if (isNumber(term)) {
                    stems.add(NUMBER);
                    continue;
                }
                stems.add(stem(term.toString()));
                charGrams(term, padded, sink);
            }
            ts.end();
            punctuation(text, gap, text.length(), padded, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a String reader
        }
        for (int i = 0; i < stems.size(); i++) {
            sink.word(stems.get(i));
            if (i > 0) {
                sink.bigram(stems.get(i - 1), stems.get(i));
            }
        }
    }

    /**
     * The punctuation runs between two words ({@code p=)))}, {@code p=!!!}, {@code p=?!}, {@code p=:(}): the
     * tokenizer drops them, but in posts they carry tone ("))))" is a smile, "((" a frown).
     */
    private static void punctuation(String text, int from, int to, char[] run, Sink sink) {
        int length = 0;
        for (int i = from; i <= to; i++) {
            char ch = i < to ? text.charAt(i) : ' ';
            if (Character.isWhitespace(ch) || Character.isLetterOrDigit(ch)) {
                if (length > 0) {
                    sink.punctuation(run, length);
                    length = 0;
                }
            } else if (length < MAX_PUNCTUATION
                    && (length < 3 || run[length - 1] != ch || run[length - 2] != ch || run[length - 3] != ch)) {
                run[length++] = ch;
            }
        }
    }

    private static void charGrams(CharTermAttribute word, char[] padded, Sink sink) {
        int length = word.length();
        if (length < 2) {
            return;
        }
        padded[0] = ' ';
        System.arraycopy(word.buffer(), 0, padded, 1, length);
        padded[length + 1] = ' ';
        int len = length + 2;
        for (int n = MIN_NGRAM; n <= MAX_NGRAM; n++) {
            for (int i = 0; i + n <= len; i++) {
                // An n-gram that cuts an emoji's surrogate pair has no UTF-8 form: a model's saved vocabulary
                // would keep it as "?", a name the analysis never produces, so it is not a feature at all.
                if (!Character.isLowSurrogate(padded[i]) && !Character.isHighSurrogate(padded[i + n - 1])) {
                    sink.charGram(padded, i, n);
                }
            }
        }
    }

    private static boolean isNumber(CharSequence token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }

    /**
     * Per-thread counts by feature id: a dense array over the index plus the list of ids touched, so
     * counting is one array increment and clearing costs only what the post used. Hashes are only collected
     * while walking the text and looked up together at the end: the lookups of a post are then independent
     * loads whose cache misses overlap, where between two characters' n-grams they would stall one by one.
     */
    private static final class Counter {
        private final FeatureIndex index;
        private final int[] counts;
        private long[] hashes = new long[2048];
        private int size;

        Counter(FeatureIndex index) {
            this.index = index;
            this.counts = new int[index.size()];
        }

        void add(long hash) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = hash;
        }

        IndexedFeatures drain() {
            int[] found = new int[size];
            for (int i = 0; i < size; i++) {
                found[i] = index.id(hashes[i]);
            }
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                int id = found[i];
                if (id >= 0 && counts[id]++ == 0) {
                    found[distinct++] = id;
                }
            }
            // In order of first occurrence: sorting them (so that weight rows are read front to back) cost more
            // than it saved once CategorizerBank started touching all rows before reading them.
            int[] ids = Arrays.copyOf(found, distinct);
            int[] n = new int[distinct];
            for (int i = 0; i < distinct; i++) {
                n[i] = counts[ids[i]];
                counts[ids[i]] = 0;
            }
            size = 0;
            return new IndexedFeatures(ids, n);
        }
    }
}
