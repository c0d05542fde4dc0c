package ru.otklik.nlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.CategorizerBank;
import ru.otklik.nlp.data.TaskCorpora;
import ru.otklik.nlp.features.FeatureIndex;
import ru.otklik.nlp.lang.LanguageIdentifier;
import ru.otklik.nlp.ner.EntityFinder;
import ru.otklik.nlp.train.NerelNameFinderTrainer;
import ru.otklik.nlp.train.UdTextModelTrainer;

/**
 * Every model the analysis needs, loaded once and shared read-only between threads. A user directory
 * (from {@code train --out}) overrides the shipped categoriser of each task it contains.
 */
public final class NlpModels {

    /** A region's incident-type model (problem / question), trained by {@code import-im}; optional. */
    public static final String INCIDENT_TYPE = TaskCorpora.INCIDENT_TYPE;
    /** The in-domain incident model (complaint / none), blended with the complaint model; optional. */
    public static final String INCIDENT = TaskCorpora.INCIDENT;
    /** The in-domain topic model (labelled incidents only), blended with the topic model; optional. */
    public static final String TOPIC_INFORMAL = TaskCorpora.TOPIC_INFORMAL;
    /** Tasks whose categoriser is used when present and never required. */
    static final List<String> OPTIONAL_TASKS = List.of(INCIDENT, INCIDENT_TYPE, TOPIC_INFORMAL);

    private final CategorizerBank categorizers;
    private final EntityFinder entities;
    private final LanguageIdentifier language;
    private final Map<String, String> versions;
    private final Optional<IncidentStack> incidentStack;

    private NlpModels(CategorizerBank categorizers, EntityFinder entities,
                      LanguageIdentifier language, Map<String, String> versions,
                      Optional<IncidentStack> incidentStack) {
        this.incidentStack = incidentStack;
        this.categorizers = categorizers;
        this.entities = entities;
        this.language = language;
        this.versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /** Loads the models from {@link ModelsDir#resolve()}. */
    public static NlpModels loadDefault() throws IOException {
        return load(ModelsDir.resolve(), Optional.empty());
    }

    public static NlpModels load(Path shipped, Optional<Path> user) throws IOException {
        if (!Files.isDirectory(shipped)) {
            throw new IOException("models directory not found: " + shipped.toAbsolutePath()
                    + " (set -D" + ModelsDir.PROPERTY + " or " + ModelsDir.ENV + ")");
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("langdetect", "opennlp-langdetect-183-1.3.0");
        Path text = shipped.resolve("text");
        EntityFinder finder = new EntityFinder(text.resolve(UdTextModelTrainer.SENT_MODEL),
                text.resolve(UdTextModelTrainer.TOKEN_MODEL),
                shipped.resolve("ner").resolve(NerelNameFinderTrainer.MODEL));
        versions.put("text", metaVersion(text));
        versions.put("ner", metaVersion(shipped.resolve("ner")));
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (String task : TaskCorpora.TASKS) {
            Path dir = user.map(u -> u.resolve(task)).filter(CategorizerStore::exists).orElse(shipped.resolve(task));
            if (!CategorizerStore.exists(dir)) {
                throw new IOException("no " + task + " model in " + dir.toAbsolutePath());
            }
            dirs.put(task, dir);
        }
        // Optional tasks: a categoriser used when a region trained one (import-im writes incident_type).
        for (String task : OPTIONAL_TASKS) {
            // The in-domain topic model is blended with the topic model it was chosen beside: a region's own topic
            // model (import-im, train --task topic) is not blended with the shipped one.
            if (task.equals(TOPIC_INFORMAL) && !dirs.get("topic").startsWith(shipped)
                    && user.filter(u -> CategorizerStore.exists(u.resolve(task))).isEmpty()) {
                continue;
            }
            user.map(u -> u.resolve(task)).filter(CategorizerStore::exists)
                    .or(() -> java.util.Optional.of(shipped.resolve(task)).filter(CategorizerStore::exists))
                    .ifPresent(dir -> dirs.put(task, dir));
        }
        // The OpenNLP models are only read here, one at a time: the analysis keeps their compiled copies.
        CategorizerBank bank = CategorizerBank.load(dirs);
        dirs.keySet().forEach(task -> versions.put(task, bank.meta(task).version()));
        // The learned incident decision was fitted on one incident model's answers: a user directory's own, else the
        // shipped one only while the incident model is the shipped one too (a region's retrained model is not it).
        Optional<IncidentStack> stack = user.isPresent() ? IncidentStack.load(user.get()) : Optional.empty();
        Path incident = dirs.get(INCIDENT);
        if (stack.isEmpty() && incident != null && incident.startsWith(shipped)) {
            stack = IncidentStack.load(shipped);
        }
        return new NlpModels(bank, finder, new LanguageIdentifier(), versions, stack);
    }

    /** The learned incident decision ({@code blend/stack.tsv}), or empty: the decider then uses its blend. */
    public Optional<IncidentStack> incidentStack() {
        return incidentStack;
    }

    /** Every task's categoriser, compiled for scoring a post with all of them at once. */
    public CategorizerBank categorizers() {
        return categorizers;
    }

    /** The id space shared by every categoriser's features. */
    public FeatureIndex featureIndex() {
        return categorizers.featureIndex();
    }

    public EntityFinder entities() {
        return entities;
    }

    public LanguageIdentifier language() {
        return language;
    }

    /** Model name → version, in pipeline order. */
    public Map<String, String> versions() {
        return versions;
    }

    private static String metaVersion(Path dir) throws IOException {
        Path meta = dir.resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            return "unknown";
        }
        JsonNode n = new ObjectMapper().readTree(meta.toFile());
        return n.path("version").asText("unknown");
    }
}
