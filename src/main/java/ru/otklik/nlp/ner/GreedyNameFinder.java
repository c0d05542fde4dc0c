package ru.otklik.nlp.ner;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;
import ru.otklik.common.ArgMax;

/**
 * What OpenNLP's {@code NameFinderME} does with a beam of one, for a model trained with the default
 * features: at each token the most probable outcome the sequence validator allows, the document's earlier
 * outcomes remembered for the previous-map feature, and each span's probability the mean of its tokens'.
 * The predicates come as hashes from {@link HashedNameContext} and go straight to {@link FastGisModel};
 * {@code BeamSearch}'s sequence objects, which copy the outcomes so far at every token, are not needed for a
 * beam of one. {@code GreedyNameFinderTest} checks that spans and probabilities equal {@code NameFinderME}'s.
 * Holds a document's state, like {@code NameFinderME}: one per thread.
 */
final class GreedyNameFinder implements TokenNameFinder {

    private final FastGisModel model;
    private final SequenceValidator<String> validator;
    private final SequenceCodec<String> codec;
    private final HashedNameContext context = new HashedNameContext();
    private final Map<String, String> previous = new HashMap<>();
    private final long[] predicates = new long[HashedNameContext.MAX_PREDICATES];
    private final double[] probabilities;

    GreedyNameFinder(FastGisModel model, SequenceValidator<String> validator, SequenceCodec<String> codec) {
        this.model = model;
        this.validator = validator;
        this.codec = codec;
        this.probabilities = new double[model.getNumOutcomes()];
    }

    @Override
    public Span[] find(String[] tokens) {
        context.reset(tokens);
        String[] outcomes = new String[tokens.length];
        double[] chosen = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            model.eval(predicates, context.predicates(i, outcomes, previous, predicates), probabilities);
            int best = bestAllowed(i, tokens, outcomes);
            outcomes[i] = model.getOutcome(best);
            chosen[i] = probabilities[best];
        }
        for (int i = 0; i < tokens.length; i++) {
            previous.put(tokens[i], outcomes[i]);
        }
        Span[] spans = codec.decode(Arrays.asList(outcomes));
        for (int s = 0; s < spans.length; s++) {
            double sum = 0;
            for (int i = spans[s].getStart(); i < spans[s].getEnd(); i++) {
                sum += chosen[i];
            }
            spans[s] = new Span(spans[s], sum / spans[s].length());
        }
        return spans;
    }

    /** The most probable outcome; when the validator refuses it (a "cont" after "other"), the best it allows. */
    private int bestAllowed(int i, String[] tokens, String[] outcomes) {
        String[] before = Arrays.copyOf(outcomes, i);
        int best = ArgMax.of(probabilities);
        if (validator.validSequence(i, tokens, before, model.getOutcome(best))) {
            return best;
        }
        best = -1;
        for (int o = 0; o < probabilities.length; o++) {
            if ((best < 0 || probabilities[o] > probabilities[best])
                    && validator.validSequence(i, tokens, before, model.getOutcome(o))) {
                best = o;
            }
        }
        return best;
    }

    @Override
    public void clearAdaptiveData() {
        previous.clear();
    }
}
