package ru.otklik.nlp.ner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
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
     * A name finder model read from {@code file}. Its public constructors would need the feature generator
     * descriptor and resources taken apart and put back, so this subclass swaps only the sequence model.
     */
    static TokenNameFinderModel names(Path file) throws IOException {
        return new NameModel(file);
    }

    private static final class NameModel extends TokenNameFinderModel {

        private static final String MAXENT_ENTRY = "nameFinder.model";

        /** Built once: every thread's NameFinderME asks for the sequence model, and the weights are shared. */
        private final MaxentModel fast;
        private final int beamSize;

        NameModel(Path file) throws IOException {
            super(file);
            fast = getArtifact(MAXENT_ENTRY) instanceof MaxentModel maxent ? FastGisModel.of(maxent) : null;
            String beam = getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER);
            beamSize = beam == null ? NameFinderME.DEFAULT_BEAM_SIZE : Integer.parseInt(beam);
        }

        /** A new beam search each time (it keeps per-call arrays), over the shared fast weights. */
        @Override
        public SequenceClassificationModel getNameFinderSequenceModel() {
            return fast == null ? super.getNameFinderSequenceModel() : new BeamSearch(beamSize, fast);
        }
    }
}
