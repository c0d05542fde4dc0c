package ru.otklik.nlp.ner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import opennlp.tools.ml.model.MaxentModel;
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
     * descriptor and resources taken apart and put back, so this subclass only swaps the maxent artifact:
     * the model then wraps the fast weights in a new beam search for every finder, and OpenNLP's own copy of
     * the weights can be collected.
     */
    static TokenNameFinderModel names(Path file) throws IOException {
        return new NameModel(file);
    }

    private static final class NameModel extends TokenNameFinderModel {

        private static final String MAXENT_ENTRY = "nameFinder.model";

        NameModel(Path file) throws IOException {
            super(file);
            if (artifactMap.get(MAXENT_ENTRY) instanceof MaxentModel maxent) {
                artifactMap.put(MAXENT_ENTRY, FastGisModel.of(maxent));
            }
        }
    }
}
