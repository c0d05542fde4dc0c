package ru.otklik.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** Loads the committed models in {@code nlp-models/} once for all tests that need the whole pipeline. */
public final class SharedAnalyzer {

    private static TextAnalyzer analyzer;

    private SharedAnalyzer() {
    }

    public static synchronized TextAnalyzer get() {
        if (analyzer == null) {
            try {
                analyzer = TextAnalyzer.load(Path.of("nlp-models"), Optional.empty());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return analyzer;
    }
}
