package ru.otklik.nlp.features;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sublinear TF-IDF weighting over a pruned vocabulary. Immutable after construction, so thread-safe.
 *
 * <p>OpenNLP does not store IDF inside a model, so the table is persisted beside it ({@code idf.tsv.gz})
 * and versioned with it. Pruning happens here, before training, because the L2-penalised QN model is
 * dense (features × classes) and OpenNLP's own cutoff would misalign real values.
 */
public final class TfIdfVectorizer {

    /** A constant feature so every class has an intercept. */
    public static final String BIAS = "BIAS";

    private final Map<String, Float> idf;

    public TfIdfVectorizer(Map<String, Float> idf) {
        this.idf = Map.copyOf(idf);
    }

    /**
     * Builds the vocabulary from training documents: keeps features present in at least {@code minDf}
     * documents, then the {@code maxFeatures} most frequent of them.
     */
    public static TfIdfVectorizer fit(Collection<Features> docs, int minDf, int maxFeatures) {
        Map<String, Integer> df = new HashMap<>();
        for (Features f : docs) {
            for (String name : f.counts().keySet()) {
                df.merge(name, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= minDf) {
                kept.add(e);
            }
        }
        kept.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        int n = docs.size();
        Map<String, Float> idf = new HashMap<>();
        for (Map.Entry<String, Integer> e : kept.subList(0, Math.min(maxFeatures, kept.size()))) {
            idf.put(e.getKey(), (float) (Math.log((1.0 + n) / (1.0 + e.getValue())) + 1.0));
        }
        return new TfIdfVectorizer(idf);
    }

    /** Weights the known features of one post: (1 + ln tf) · idf, L2-normalised, plus the bias. */
    public WeightedContext transform(Features features) {
        int size = Math.min(features.size(), idf.size()) + 1;
        String[] names = new String[size];
        float[] values = new float[size];
        int k = 0;
        double norm = 0;
        for (Map.Entry<String, Integer> e : features.counts().entrySet()) {
            Float w = idf.get(e.getKey());
            if (w != null) {
                float v = (float) ((1.0 + Math.log(e.getValue())) * w);
                names[k] = e.getKey();
                values[k++] = v;
                norm += (double) v * v;
            }
        }
        float inv = norm > 0 ? (float) (1.0 / Math.sqrt(norm)) : 0f;
        for (int i = 0; i < k; i++) {
            values[i] *= inv;
        }
        names[k] = BIAS;
        values[k++] = 1f;
        if (k == size) {
            return new WeightedContext(names, values);
        }
        return new WeightedContext(java.util.Arrays.copyOf(names, k), java.util.Arrays.copyOf(values, k));
    }

    /** Feature → IDF, unmodifiable. */
    public Map<String, Float> idf() {
        return idf;
    }

    public int vocabularySize() {
        return idf.size();
    }

    public void save(Path file) throws IOException {
        List<Map.Entry<String, Float>> entries = new ArrayList<>(idf.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            for (Map.Entry<String, Float> e : entries) {
                w.write(e.getKey().replace('\t', ' ').replace('\n', ' '));
                w.write('\t');
                w.write(Float.toString(e.getValue()));
                w.write('\n');
            }
        }
    }

    public static TfIdfVectorizer load(Path file) throws IOException {
        Map<String, Float> idf = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) {
                    idf.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
                }
            }
        }
        return new TfIdfVectorizer(idf);
    }
}
