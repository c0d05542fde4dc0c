package ru.otklik.nlp.ner;

import java.util.Map;

import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import ru.otklik.nlp.features.FeatureHash;

/**
 * The predicates OpenNLP's name finder gives a token under its default feature generation
 * ({@code ner-default-features.xml}: token class and lower-cased token in a ±2 window, definition, previous
 * map, bigrams, sentence start; then the previous-outcome features {@code DefaultNameContextGenerator} adds),
 * in the same order, as {@link FeatureHash} values instead of strings.
 *
 * <p>OpenNLP builds some 24 strings a token and lower-cases and classifies every token five times, once for
 * each window position it appears in; that was two thirds of the name finder's time. Here each token is
 * lower-cased and classified once a sentence, and a predicate is hashed from its parts without being
 * built. {@code GreedyNameFinderTest} checks the hashes against OpenNLP's own strings. Not thread-safe.
 */
final class HashedNameContext {

    /** More than any token gets: 5 + 5 window classes, 5 window words, 6 others, 4 previous outcomes. */
    static final int MAX_PREDICATES = 32;

    private static final int WINDOW = 2;
    /** The order OpenNLP's window generator visits positions in: the token, then before it, then after. */
    private static final int[] WINDOW_ORDER = {0, -1, -2, 1, 2};
    private static final long[] CLASS = window("wc=");
    private static final long[] WORD_AND_CLASS = window("w&c=");
    private static final long[] WORD = window("w=");
    private static final long DEFINITION = FeatureHash.of("def");
    private static final long PREVIOUS_MAP = FeatureHash.of("pd=");
    private static final long BIGRAM = FeatureHash.of("pw,w=");
    private static final long BIGRAM_CLASS = FeatureHash.of("pwc,wc=");
    private static final long NEXT_BIGRAM = FeatureHash.of("w,nw=");
    private static final long NEXT_BIGRAM_CLASS = FeatureHash.of("wc,nc=");
    private static final long SENTENCE_BEGIN = FeatureHash.of("S=begin");
    private static final long PREVIOUS_OUTCOME = FeatureHash.of("po=");
    private static final long PREVIOUS_OUTCOME_WORD = FeatureHash.of("pow=");
    private static final long PREVIOUS_OUTCOME_CLASS = FeatureHash.of("powf=");
    private static final long SECOND_PREVIOUS_OUTCOME = FeatureHash.of("ppo=");

    private String[] tokens;
    private String[] lower;
    private String[] classes;

    /** Prefix hashes by window offset + {@value #WINDOW}: OpenNLP names offset -2 "p2", +1 "n1" and so on. */
    private static long[] window(String name) {
        long[] prefixes = new long[2 * WINDOW + 1];
        for (int offset = -WINDOW; offset <= WINDOW; offset++) {
            String position = offset < 0 ? "p" + -offset : offset > 0 ? "n" + offset : "";
            prefixes[offset + WINDOW] = FeatureHash.of(position + name);
        }
        return prefixes;
    }

    /** Starts a sentence. */
    void reset(String[] sentence) {
        tokens = sentence;
        lower = new String[sentence.length];
        classes = new String[sentence.length];
        for (int i = 0; i < sentence.length; i++) {
            lower[i] = StringUtil.toLowerCase(sentence[i]);
            classes[i] = FeatureGeneratorUtil.tokenFeature(sentence[i]);
        }
    }

    /**
     * Writes the predicates of token {@code i} to {@code out} and returns how many there are.
     *
     * @param outcomes the outcomes chosen for tokens {@code [0, i)}
     * @param previous the outcome each token last had in the document's earlier sentences
     */
    int predicates(int i, String[] outcomes, Map<String, String> previous, long[] out) {
        int n = 0;
        for (int offset : WINDOW_ORDER) {
            int j = i + offset;
            if (j >= 0 && j < tokens.length) {
                out[n++] = hash(CLASS[offset + WINDOW], classes[j]);
                out[n++] = hash(WORD_AND_CLASS[offset + WINDOW], lower[j], classes[j]);
            }
        }
        for (int offset : WINDOW_ORDER) {
            int j = i + offset;
            if (j >= 0 && j < tokens.length) {
                out[n++] = hash(WORD[offset + WINDOW], lower[j]);
            }
        }
        out[n++] = DEFINITION;
        out[n++] = hash(PREVIOUS_MAP, String.valueOf(previous.get(tokens[i])));
        if (i > 0) {
            out[n++] = hash(BIGRAM, tokens[i - 1], tokens[i]);
            out[n++] = hash(BIGRAM_CLASS, classes[i - 1], classes[i]);
        }
        if (i + 1 < tokens.length) {
            out[n++] = hash(NEXT_BIGRAM, tokens[i], tokens[i + 1]);
            out[n++] = hash(NEXT_BIGRAM_CLASS, classes[i], classes[i + 1]);
        }
        if (i == 0) {
            out[n++] = SENTENCE_BEGIN;
        }
        String po = i > 0 ? outcomes[i - 1] : NameFinderME.OTHER;
        String ppo = i > 1 ? outcomes[i - 2] : NameFinderME.OTHER;
        out[n++] = hash(PREVIOUS_OUTCOME, po);
        out[n++] = hash(PREVIOUS_OUTCOME_WORD, po, tokens[i]);
        out[n++] = hash(PREVIOUS_OUTCOME_CLASS, po, classes[i]);
        out[n++] = hash(SECOND_PREVIOUS_OUTCOME, ppo);
        return n;
    }

    private static long hash(long prefix, String part) {
        return FeatureHash.update(prefix, part);
    }

    /** The hash of prefix + first + "," + second. */
    private static long hash(long prefix, String first, String second) {
        return FeatureHash.update(FeatureHash.update(FeatureHash.update(prefix, first), ','), second);
    }
}
