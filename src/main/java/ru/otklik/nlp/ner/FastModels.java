package ru.otklik.nlp.ner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.DefaultNameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/** OpenNLP text and name models whose maximum-entropy weights are evaluated by {@link FastGisModel}. */
final class FastModels {

    private FastModels() {
    }

    static SentenceModel sentences(SentenceModel model) {
        return new SentenceModel(model.getLanguage(), FastGisModel.of(model.getMaxentModel()), Map.of(),
                model.getFactory());
    }

    static TokenizerModel tokens(TokenizerModel model) {
        return new TokenizerModel(FastGisModel.of(model.getMaxentModel()), Map.of(), model.getFactory());
    }

    /**
     * Makes name finders for the model in {@code file}, one per thread: a {@link GreedyNameFinder} when the
     * model was trained the way ours is (GIS weights, default features, BIO outcomes, beam size 1), else
     * OpenNLP's own {@link NameFinderME} on the fast weights.
     */
    static Supplier<TokenNameFinder> nameFinders(Path file) throws IOException {
        NameModel model = new NameModel(file);
        TokenNameFinderFactory factory = model.getFactory();
        if (model.fastWeights() instanceof FastGisModel weights && greedy(model)) {
            SequenceCodec<String> codec = factory.createSequenceCodec();
            return () -> new GreedyNameFinder(weights, codec.createSequenceValidator(), codec);
        }
        return () -> new NameFinderME(model);
    }

    private static boolean greedy(NameModel model) throws IOException {
        TokenNameFinderFactory factory = model.getFactory();
        return "1".equals(model.getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER))
                && factory.createSequenceCodec() instanceof BioCodec
                && factory.createContextGenerator().getClass() == DefaultNameContextGenerator.class
                && defaultFeatures(model.featureDescriptor());
    }

    private static boolean defaultFeatures(byte[] descriptor) throws IOException {
        if (descriptor == null) {
            return true;
        }
        try (InputStream in = TokenNameFinderFactory.class.getResourceAsStream("ner-default-features.xml")) {
            return in != null && Arrays.equals(descriptor, in.readAllBytes());
        }
    }

    /**
     * A name finder model read from a file with its maxent artifact swapped for the fast weights (its public
     * constructors would need the feature generator descriptor and resources taken apart and put back).
     * {@code NameFinderME} then wraps the fast weights in a new beam search for every finder, and OpenNLP's
     * own copy of the weights can be collected.
     */
    private static final class NameModel extends TokenNameFinderModel {

        private static final String MAXENT_ENTRY = "nameFinder.model";
        private static final String DESCRIPTOR_ENTRY = "generator.featuregen";

        NameModel(Path file) throws IOException {
            super(file);
            if (artifactMap.get(MAXENT_ENTRY) instanceof MaxentModel maxent) {
                artifactMap.put(MAXENT_ENTRY, FastGisModel.of(maxent));
            }
        }

        Object fastWeights() {
            return artifactMap.get(MAXENT_ENTRY);
        }

        /** The feature generator descriptor the model was trained with, or null for OpenNLP's default. */
        byte[] featureDescriptor() {
            return artifactMap.get(DESCRIPTOR_ENTRY) instanceof byte[] bytes ? bytes : null;
        }
    }
}
