package ru.otklik.nlp.categorize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import ru.otklik.nlp.features.TfIdfVectorizer;

/**
 * Reads and writes a categoriser directory: {@code model.bin.gz} (OpenNLP binary, gzipped),
 * {@code idf.tsv.gz} (its IDF table) and {@code meta.json} (its manifest).
 */
public final class CategorizerStore {

    public static final String MODEL_FILE = "model.bin.gz";
    public static final String IDF_FILE = "idf.tsv.gz";
    public static final String META_FILE = "meta.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** True when {@code dir} holds a complete categoriser. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(MODEL_FILE)) && Files.isRegularFile(dir.resolve(IDF_FILE))
                && Files.isRegularFile(dir.resolve(META_FILE));
    }

    /**
     * Writes the categoriser and returns it with its final version ({@code task-yyyyMMdd-hash}) and the
     * given dev scores in its manifest.
     */
    public DocCategorizer save(DocCategorizer c, Path dir, Map<String, Double> devScores) throws IOException {
        Files.createDirectories(dir);
        Path model = dir.resolve(MODEL_FILE);
        Path idf = dir.resolve(IDF_FILE);
        GenericModelWriter writer = new GenericModelWriter((AbstractModel) c.model(), model.toFile());
        writer.persist();
        writer.close();
        c.vectorizer().save(idf);
        ModelMeta m = c.meta();
        String date = m.trainedAt().substring(0, 10).replace("-", "");
        String version = m.task() + "-" + date + "-" + hash(model, idf);
        ModelMeta meta = new ModelMeta(m.task(), version, m.labels(), m.trainedAt(), m.sources(), m.trainDocs(),
                m.vocabulary(), m.params(), devScores);
        JSON.writeValue(dir.resolve(META_FILE).toFile(), meta);
        return new DocCategorizer(c.model(), c.vectorizer(), meta);
    }

    public DocCategorizer load(Path dir) throws IOException {
        return load(dir, loadVectorizer(dir), loadMeta(dir));
    }

    /** Reads only the model, joining it to the IDF table and manifest the caller has already read from {@code dir}. */
    public DocCategorizer load(Path dir, TfIdfVectorizer idf, ModelMeta meta) throws IOException {
        AbstractModel model = new GenericModelReader(dir.resolve(MODEL_FILE).toFile()).getModel();
        return new DocCategorizer(model, idf, meta);
    }

    /** Only the IDF table: the model's vocabulary, without reading the (larger) model. */
    public TfIdfVectorizer loadVectorizer(Path dir) throws IOException {
        return TfIdfVectorizer.load(dir.resolve(IDF_FILE));
    }

    public ModelMeta loadMeta(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(META_FILE).toFile(), ModelMeta.class);
    }

    private static String hash(Path... files) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
