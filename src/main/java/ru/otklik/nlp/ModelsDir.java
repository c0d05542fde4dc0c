package ru.otklik.nlp;

import java.nio.file.Path;

/**
 * Where the shipped models live: system property {@code otklik.models.dir}, else environment variable
 * {@code OTKLIK_MODELS_DIR}, else {@code nlp-models} relative to the working directory.
 */
public final class ModelsDir {

    public static final String PROPERTY = "otklik.models.dir";
    public static final String ENV = "OTKLIK_MODELS_DIR";
    public static final String DEFAULT = "nlp-models";

    private ModelsDir() {
    }

    public static Path resolve() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        return Path.of(p == null || p.isBlank() ? DEFAULT : p);
    }
}
