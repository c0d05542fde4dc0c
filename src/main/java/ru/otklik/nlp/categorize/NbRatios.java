package ru.otklik.nlp.categorize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import ru.otklik.nlp.features.Features;
import ru.otklik.nlp.features.TfIdfVectorizer;
import ru.otklik.nlp.features.WeightedContext;

/**
 * Naive-Bayes log-count ratios (Wang &amp; Manning's NBSVM, as {@code nlp-models/incident-proto/proto.py}'s
 * {@code nb_ratio}): for a two-label model, each vocabulary feature's
 * {@code r_j = ln((p_j / Σp) / (q_j / Σq))}, where {@code p_j} = 1 + the number of training documents of the
 * positive label (the one that is not {@code none}) that contain feature j, and {@code q_j} the same over the
 * other label (binary counts, α = 1); the sums run over the vocabulary, the bias has no ratio (it stays 1).
 * A document repeated in the training list to weigh more (the incident model's labelled rows) is one document
 * here, as in the prototype, which counted each row once and weighed it apart.
 *
 * <p>The trainer multiplies each training event's TF-IDF values by r, so the L2-penalised logistic regression
 * starts from the NB evidence of each feature (a feature that splits the labels costs less penalty to use).
 * A linear model on x·r is the plain model on x with weights r_j·θ_j, so {@link #multiplyBack} folds r into
 * the trained parameters: the stored model reads the unscaled TF-IDF values, the analysis does the same work
 * per post, and the model has the same size. OpenNLP's QN trainer takes negative real values (only its
 * real-value <em>file</em> stream refuses them; {@code NbRatiosTest} trains on them).
 */
public final class NbRatios {

    /** The label the ratios are against; the other label is the positive one. */
    public static final String NONE = "none";

    private final Map<String, Float> ratio;

    NbRatios(Map<String, Float> ratio) {
        this.ratio = Map.copyOf(ratio);
    }

    /**
     * The ratios of the vocabulary of {@code vectorizer} over the training documents.
     *
     * @throws IllegalArgumentException unless there are exactly two labels, one of them {@value #NONE}
     */
    public static NbRatios fit(List<Features> docs, List<String> labels, TfIdfVectorizer vectorizer) {
        Set<String> distinct = new HashSet<>(labels);
        if (distinct.size() != 2 || !distinct.contains(NONE)) {
            throw new IllegalArgumentException("NB log-count ratios need two labels, one of them '" + NONE
                    + "', got " + distinct);
        }
        Map<String, Integer> positive = new HashMap<>();
        Map<String, Integer> negative = new HashMap<>();
        // the same Features instance under the same label is a repeated row (the feature cache shares it)
        Map<Features, Set<String>> seen = new IdentityHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            Features doc = docs.get(i);
            String label = labels.get(i);
            if (!seen.computeIfAbsent(doc, d -> new HashSet<>(2)).add(label)) {
                continue;
            }
            Map<String, Integer> counts = NONE.equals(label) ? negative : positive;
            for (String name : doc.counts().keySet()) {
                if (vectorizer.idf().containsKey(name)) {
                    counts.merge(name, 1, Integer::sum);
                }
            }
        }
        // sorted, so that the sums add up in the same order every run
        List<String> vocabulary = new ArrayList<>(vectorizer.idf().keySet());
        Collections.sort(vocabulary);
        double sumP = 0;
        double sumQ = 0;
        for (String name : vocabulary) {
            sumP += 1 + positive.getOrDefault(name, 0);
            sumQ += 1 + negative.getOrDefault(name, 0);
        }
        Map<String, Float> ratio = new HashMap<>();
        for (String name : vocabulary) {
            double p = (1 + positive.getOrDefault(name, 0)) / sumP;
            double q = (1 + negative.getOrDefault(name, 0)) / sumQ;
            ratio.put(name, (float) Math.log(p / q));
        }
        return new NbRatios(ratio);
    }

    /** Feature j's ratio; 1 for the bias and for a feature outside the vocabulary (left as it is). */
    public float of(String feature) {
        return ratio.getOrDefault(feature, 1f);
    }

    /** A post's TF-IDF values each multiplied by its feature's ratio (a new context; the bias stays 1). */
    public WeightedContext scale(WeightedContext ctx) {
        String[] names = ctx.names();
        float[] values = new float[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = TfIdfVectorizer.BIAS.equals(names[i]) ? ctx.values()[i] : ctx.values()[i] * of(names[i]);
        }
        return new WeightedContext(names, values);
    }

    /**
     * The model trained on {@link #scale scaled} values, with every parameter of feature j multiplied by r_j (the
     * bias's unscaled): it gives the same probabilities on the unscaled values.
     */
    public MaxentModel multiplyBack(MaxentModel trained) {
        if (!(trained instanceof QNModel qn)) {
            throw new IllegalArgumentException("NB ratios fold into a QN model only, got "
                    + trained.getClass().getSimpleName());
        }
        Object[] data = qn.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> pmap = (Map<String, Context>) data[1];
        String[] outcomes = (String[]) data[2];
        // pmap keeps the model's predicate order (a LinkedHashMap): the stored model lists them alike
        Map<String, Context> ordered = new LinkedHashMap<>(pmap);
        String[] predicates = new String[ordered.size()];
        Context[] params = new Context[ordered.size()];
        int k = 0;
        for (Map.Entry<String, Context> e : ordered.entrySet()) {
            double r = TfIdfVectorizer.BIAS.equals(e.getKey()) ? 1 : of(e.getKey());
            double[] theta = e.getValue().getParameters();
            double[] scaled = new double[theta.length];
            for (int j = 0; j < theta.length; j++) {
                scaled[j] = theta[j] * r;
            }
            predicates[k] = e.getKey();
            params[k++] = new Context(e.getValue().getOutcomes().clone(), scaled);
        }
        return new QNModel(params, predicates, outcomes.clone());
    }

    /** How many features have a ratio (the vocabulary's size). */
    public int size() {
        return ratio.size();
    }
}
