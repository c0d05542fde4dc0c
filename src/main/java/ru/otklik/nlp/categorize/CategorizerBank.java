package ru.otklik.nlp.categorize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.otklik.nlp.features.FeatureIndex;
import ru.otklik.nlp.features.IndexedFeatures;
import ru.otklik.nlp.features.TfIdfVectorizer;

/**
 * Every categoriser of the analysis compiled into one table: for each feature of a shared
 * {@link FeatureIndex}, one row holding, for each model that knows the feature, its IDF followed by its
 * weight for every outcome. Scoring a post walks its features once and reads one contiguous row each,
 * where OpenNLP's {@code MaxentModel.eval} makes a string lookup per feature per model and the models'
 * separate arrays cost a cache miss each. The arithmetic is the same TF-IDF weighting and multinomial
 * logistic model as {@link DocCategorizer#predict} (a test checks they agree). Immutable, thread-safe.
 */
public final class CategorizerBank {

    private static final int TOP_FEATURES = 5;
    private static final int FLAG_BITS = 8;
    private static final int MAX_MODELS = FLAG_BITS;

    private final FeatureIndex index;
    private final List<String> tasks;
    private final List<ModelMeta> metas;
    private final String[][] labels;
    private final float[][] bias;
    /**
     * Feature id → where its row starts in {@link #rows} (high bits) and which models know it (low
     * {@value #FLAG_BITS} bits: bit t for model t, which then has a block in the row). One array, so looking
     * a feature up costs one memory access.
     */
    private final long[] rowInfo;
    private final float[] rows;
    /** Each model's decision (most probable label, or a meta.json threshold). */
    private final DecisionRule[] rules;

    private CategorizerBank(FeatureIndex index, List<String> tasks, List<ModelMeta> metas, String[][] labels,
                            float[][] bias, long[] rowInfo, float[] rows) {
        this.index = index;
        this.tasks = tasks;
        this.metas = metas;
        this.labels = labels;
        this.bias = bias;
        this.rowInfo = rowInfo;
        this.rows = rows;
        this.rules = new DecisionRule[tasks.size()];
        for (int m = 0; m < rules.length; m++) {
            rules[m] = DecisionRule.of(metas.get(m), List.of(labels[m]));
        }
    }

    /** Compiles models already in memory (task → model, in the order given). */
    public static CategorizerBank compile(Map<String, DocCategorizer> models) {
        List<DocCategorizer> list = List.copyOf(models.values());
        List<Set<String>> vocabularies = list.stream().map(DocCategorizer::vocabulary).toList();
        return build(List.copyOf(models.keySet()), vocabularies,
                list.stream().mapToInt(c -> c.labels().size()).toArray(), FeatureIndex.of(vocabularies), list::get);
    }

    /**
     * Loads and compiles the categorisers in the given directories (task → directory, in that order). Only
     * their IDF tables are read up front, to lay the table out; the OpenNLP models then come one at a time and
     * are dropped once copied, so loading needs little more memory than the bank itself.
     */
    public static CategorizerBank load(Map<String, Path> dirs) throws IOException {
        CategorizerStore store = new CategorizerStore();
        List<Path> paths = List.copyOf(dirs.values());
        List<TfIdfVectorizer> vectorizers = new ArrayList<>();
        List<ModelMeta> metas = new ArrayList<>();
        for (Path dir : paths) {
            vectorizers.add(store.loadVectorizer(dir));
            metas.add(store.loadMeta(dir));
        }
        List<Set<String>> vocabularies = vectorizers.stream().map(v -> v.idf().keySet()).toList();
        int[] outcomes = metas.stream().mapToInt(meta -> meta.labels().size()).toArray();
        return build(List.copyOf(dirs.keySet()), vocabularies, outcomes, FeatureIndex.of(vocabularies),
                m -> store.load(paths.get(m), vectorizers.get(m), metas.get(m)));
    }

    /** Supplies model {@code m} when its weights are copied. */
    private interface ModelSource {
        DocCategorizer get(int m) throws IOException;
    }

    private static CategorizerBank build(List<String> tasks, List<? extends Collection<String>> vocabularies,
                                         int[] outcomes, FeatureIndex index, ModelSource source) {
        int t = tasks.size();
        if (t > MAX_MODELS) {
            throw new IllegalArgumentException("at most " + MAX_MODELS + " categorisers, got " + t);
        }
        byte[] present = new byte[index.size()];
        long cells = 0;
        for (int m = 0; m < t; m++) {
            for (String feature : vocabularies.get(m)) {
                int id = index.id(feature);
                if (id < 0) {
                    throw new IllegalArgumentException("feature index lacks '" + feature + "' of " + tasks.get(m));
                }
                present[id] |= (byte) (1 << m);
                cells += 1 + outcomes[m];
            }
        }
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("categorisers too large to compile: " + cells + " weights");
        }
        long[] rowInfo = new long[index.size()];
        int offset = 0;
        for (int id = 0; id < index.size(); id++) {
            rowInfo[id] = ((long) offset << FLAG_BITS) | (present[id] & 0xFF);
            for (int m = 0; m < t; m++) {
                if ((present[id] & (1 << m)) != 0) {
                    offset += 1 + outcomes[m];
                }
            }
        }
        float[] rows = new float[(int) cells];
        String[][] labels = new String[t][];
        float[][] bias = new float[t][];
        List<ModelMeta> metas = new ArrayList<>();
        for (int m = 0; m < t; m++) {
            DocCategorizer model = load(source, m);
            labels[m] = model.labels().toArray(String[]::new);
            if (labels[m].length != outcomes[m]) {
                throw new IllegalArgumentException(tasks.get(m) + ": the model has " + labels[m].length
                        + " outcomes, its manifest " + outcomes[m]);
            }
            bias[m] = new float[outcomes[m]];
            for (int o = 0; o < outcomes[m]; o++) {
                bias[m][o] = (float) model.weight(TfIdfVectorizer.BIAS, o);
            }
            for (Map.Entry<String, Float> e : model.vectorizer().idf().entrySet()) {
                int block = blockOf(rowInfo[index.id(e.getKey())], m, outcomes);
                rows[block] = e.getValue();
                for (int o = 0; o < outcomes[m]; o++) {
                    rows[block + 1 + o] = (float) model.weight(e.getKey(), o);
                }
            }
            metas.add(model.meta());
        }
        return new CategorizerBank(index, List.copyOf(tasks), List.copyOf(metas), labels, bias, rowInfo, rows);
    }

    private static DocCategorizer load(ModelSource source, int m) {
        try {
            return source.get(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one float of every cache line of the post's rows before the arithmetic. These loads do not depend
     * on one another, so the CPU overlaps their cache misses; in the multiply-add loop each row's miss stalls
     * it. A post's rows are scattered over a table of tens of megabytes, so most of them do miss. The caller
     * tests the sum for NaN: a cheap check of the sampled weights that also keeps the JIT from dropping the
     * loads as unused.
     */
    private float touch(int[] ids) {
        float sum = 0;
        int last = rowInfo.length - 1;
        for (int id : ids) {
            int start = (int) (rowInfo[id] >>> FLAG_BITS);
            int end = id < last ? (int) (rowInfo[id + 1] >>> FLAG_BITS) : rows.length;
            for (int p = start; p < end; p += 16) {
                sum += rows[p];
            }
        }
        return sum;
    }

    /** Where model m's block starts in a row: after the blocks of the lower-numbered models present in it. */
    private static int blockOf(long info, int m, int[] outcomes) {
        int flags = (int) info;
        int offset = (int) (info >>> FLAG_BITS);
        for (int before = 0; before < m; before++) {
            if ((flags & (1 << before)) != 0) {
                offset += 1 + outcomes[before];
            }
        }
        return offset;
    }

    /** The id space of the features this bank weighs. */
    public FeatureIndex featureIndex() {
        return index;
    }

    /** Scores a post with every model at once, and explains each model's best label. */
    public Scores score(IndexedFeatures features) {
        int t = tasks.size();
        int[] ids = features.ids();
        int[] counts = features.counts();
        // Float sums (the weights are floats) let the JIT vectorise the inner loop; a post has at most a few
        // thousand terms, far from where float rounding would move a probability.
        float[][] sums = new float[t][];
        for (int m = 0; m < t; m++) {
            sums[m] = new float[labels[m].length];
        }
        double[] norm = new double[t];
        // For feature i and model m: where the model's block starts in the row (-1: the model lacks the
        // feature) and the feature's unnormalised TF-IDF value, kept for the explanations.
        int[] blocks = new int[ids.length * t];
        float[] values = new float[ids.length * t];
        Arrays.fill(blocks, -1);
        if (Float.isNaN(touch(ids))) {
            throw new IllegalStateException("the categorisers' weight table holds NaN");
        }
        for (int i = 0; i < ids.length; i++) {
            long info = rowInfo[ids[i]];
            int flags = (int) info;
            int offset = (int) (info >>> FLAG_BITS);
            float tf = (float) (1.0 + Math.log(counts[i]));
            for (int m = 0; m < t; m++) {
                if ((flags & (1 << m)) == 0) {
                    continue;
                }
                // (1 + ln tf) · idf as in TfIdfVectorizer.transform; the L2 norm is applied once per model at
                // the end, since the model is linear in the values.
                float v = tf * rows[offset];
                blocks[i * t + m] = offset;
                values[i * t + m] = v;
                norm[m] += (double) v * v;
                float[] acc = sums[m];
                int k = acc.length;
                int w = offset + 1;
                for (int o = 0; o < k; o++) {
                    acc[o] += v * rows[w + o];
                }
                offset = w + k;
            }
        }
        double[][] probabilities = new double[t][];
        double[] inverseNorm = new double[t];
        int[] best = new int[t];
        for (int m = 0; m < t; m++) {
            inverseNorm[m] = norm[m] > 0 ? 1.0 / Math.sqrt(norm[m]) : 0;
            probabilities[m] = softmax(sums[m], inverseNorm[m], bias[m]);
            best[m] = rules[m].decide(probabilities[m]);
        }
        List<List<Prediction.FeatureWeight>> explanations = explain(ids, blocks, values, inverseNorm, best);
        Prediction[] predictions = new Prediction[t];
        for (int m = 0; m < t; m++) {
            predictions[m] = new Prediction(labels[m][best[m]], probabilities[m][best[m]], explanations.get(m));
        }
        return new Scores(probabilities, predictions);
    }

    /**
     * Each model's features that pushed hardest towards its best outcome, found in one walk over the post's
     * features for all models at once: the rows are those the scoring has just brought into cache.
     */
    private List<List<Prediction.FeatureWeight>> explain(int[] ids, int[] blocks, float[] values,
                                                         double[] inverseNorm, int[] best) {
        int t = best.length;
        TopContributions[] top = new TopContributions[t];
        for (int m = 0; m < t; m++) {
            top[m] = new TopContributions(TOP_FEATURES);
        }
        for (int i = 0, cell = 0; i < ids.length; i++) {
            for (int m = 0; m < t; m++, cell++) {
                int offset = blocks[cell];
                if (offset >= 0) {
                    double value = values[cell] * inverseNorm[m];
                    top[m].offer(ids[i], value * rows[offset + 1 + best[m]]);
                }
            }
        }
        List<List<Prediction.FeatureWeight>> out = new ArrayList<>(t);
        for (TopContributions contributions : top) {
            out.add(contributions.toList(index::name));
        }
        return out;
    }

    /** Whether a categoriser of this task was loaded (optional tasks such as a region's incident-type model). */
    public boolean has(String task) {
        return tasks.contains(task);
    }

    public List<String> labels(String task) {
        return List.of(labels[model(task)]);
    }

    public ModelMeta meta(String task) {
        return metas.get(model(task));
    }

    private int model(String task) {
        int m = tasks.indexOf(task);
        if (m < 0) {
            throw new IllegalArgumentException("no categoriser for task " + task);
        }
        return m;
    }

    /** Turns raw sums into probabilities: scale by the post's norm, add the bias, softmax. */
    private static double[] softmax(float[] sums, double inverseNorm, float[] bias) {
        double[] logits = new double[sums.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < logits.length; o++) {
            logits[o] = sums[o] * inverseNorm + bias[o];
            max = Math.max(max, logits[o]);
        }
        double sum = 0;
        for (int o = 0; o < logits.length; o++) {
            logits[o] = Math.exp(logits[o] - max);
            sum += logits[o];
        }
        for (int o = 0; o < logits.length; o++) {
            logits[o] /= sum;
        }
        return logits;
    }

    /** One post's outcome probabilities and best label under every model. */
    public final class Scores {

        private final double[][] probabilities;
        private final Prediction[] predictions;

        private Scores(double[][] probabilities, Prediction[] predictions) {
            this.probabilities = probabilities;
            this.predictions = predictions;
        }

        /** Probabilities of every outcome of {@code task}, in {@link #labels(String)} order. */
        public double[] probabilities(String task) {
            return probabilities[model(task)].clone();
        }

        /** The best label of {@code task}, its probability and the features that pushed hardest towards it. */
        public Prediction prediction(String task) {
            return predictions[model(task)];
        }
    }
}
