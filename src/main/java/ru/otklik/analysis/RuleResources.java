package ru.otklik.analysis;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import ru.otklik.nlp.TextAnalyzer;
import ru.otklik.nlp.place.TulaGazetteer;
import ru.otklik.nlp.routing.RoutingTable;
import ru.otklik.nlp.rules.TopicRules;

/**
 * Loads the operator-edited files under the models directory once, at start, so a broken file stops the
 * start with its name and line instead of failing the first post.
 */
@ApplicationScoped
public class RuleResources {

    static final String TOPIC_RULES = TextAnalyzer.RULES;
    static final String INCIDENT_RULES = TextAnalyzer.INCIDENT_RULES;
    static final String RUBRIC = "rules/rubric.tsv";
    static final String AGENCIES = "routing/agencies.tsv";
    static final String ROUTING = "routing/routing.tsv";
    static final String GAZETTEER = "gazetteer/municipalities.tsv";

    private final Path dir;

    public RuleResources(AnalysisConfig config) {
        this.dir = config.modelsDir();
    }

    @Produces
    @Singleton
    @Startup
    TopicRules topicRules() {
        return TopicRules.load(file(TOPIC_RULES), file(INCIDENT_RULES));
    }

    @Produces
    @Singleton
    @Startup
    RoutingTable routingTable() {
        return RoutingTable.load(file(AGENCIES), file(ROUTING));
    }

    @Produces
    @Singleton
    @Startup
    TulaGazetteer gazetteer() {
        return TulaGazetteer.load(file(GAZETTEER));
    }

    @Produces
    @Singleton
    @Startup
    Rubric rubric() {
        return Rubric.load(file(RUBRIC));
    }

    /** Each file's content hash: the version an analysis records for the rules it used. */
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String name : new String[] {TOPIC_RULES, INCIDENT_RULES, ROUTING, GAZETTEER}) {
            versions.put(name, "sha256:" + sha256(file(name)).substring(0, 12));
        }
        return versions;
    }

    public Path file(String relative) {
        Path path = dir.resolve(relative);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("Model file " + path.toAbsolutePath()
                    + " is missing; set otklik.analysis.models-dir (OTKLIK_ANALYSIS_MODELS_DIR) to the nlp-models directory");
        }
        return path;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
