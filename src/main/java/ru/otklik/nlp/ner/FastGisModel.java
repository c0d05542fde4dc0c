package ru.otklik.nlp.ner;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import ru.otklik.nlp.features.FeatureIndex;

/**
 * The same weights as an OpenNLP {@link GISModel}, evaluated faster; labels and probabilities stay the same
 * to 1e-12 (checked by FastGisModelTest).
 * <ul>
 *   <li>{@link Math#exp} instead of OpenNLP's {@code StrictMath.exp}, which the JIT does not turn into an
 *       intrinsic: every outcome of every token cost a native call, 15 % of the whole analysis of a post.</li>
 *   <li>Predicates are found through a {@link FeatureIndex} (one probe of an open-addressing table keyed by
 *       a 64-bit hash) and their weights sit in flat arrays, instead of a {@code HashMap} whose node, key,
 *       key bytes and {@code Context} each cost a cache miss. All of a call's probes are made before any
 *       weight is read, so their misses overlap.</li>
 *   <li>The largest sum is subtracted before exponentiating, so no sum can overflow.</li>
 * </ul>
 */
public final class FastGisModel extends AbstractModel {

    private final FeatureIndex predicates;
    /** Predicate id i has its weights at [start[i], start[i + 1]) of {@link #outcomes} and {@link #weights}. */
    private final int[] start;
    private final int[] outcomes;
    private final double[] weights;

    /**
     * The superclass gets no parameters and an empty predicate map: the weights live in the flat arrays, and
     * keeping OpenNLP's {@code Context}s (an object and two arrays per predicate) as well would hold every
     * weight twice ({@link #getDataStructures()} is not used by the tools).
     */
    @SuppressWarnings("unchecked")
    private FastGisModel(Object[] data) {
        super(new Context[0], null, Map.of(), (String[]) data[2]);
        modelType = ModelType.Maxent;
        Map<String, Context> byPredicate = (Map<String, Context>) data[1];
        predicates = FeatureIndex.of(List.of(byPredicate.keySet()));
        int n = predicates.size();
        start = new int[n + 1];
        for (int id = 0; id < n; id++) {
            start[id + 1] = start[id] + byPredicate.get(predicates.name(id)).getOutcomes().length;
        }
        outcomes = new int[start[n]];
        weights = new double[start[n]];
        for (int id = 0; id < n; id++) {
            Context predicate = byPredicate.get(predicates.name(id));
            System.arraycopy(predicate.getOutcomes(), 0, outcomes, start[id], predicate.getOutcomes().length);
            System.arraycopy(predicate.getParameters(), 0, weights, start[id], predicate.getParameters().length);
        }
    }

    /** {@code model} evaluated with the intrinsic exp when it is a GIS model, else {@code model} itself. */
    public static MaxentModel of(MaxentModel model) {
        return model instanceof GISModel gis ? new FastGisModel(gis.getDataStructures()) : model;
    }

    @Override
    public double[] eval(String[] context) {
        return eval(context, null, new double[outcomeNames.length]);
    }

    @Override
    public double[] eval(String[] context, float[] values) {
        return eval(context, values, new double[outcomeNames.length]);
    }

    @Override
    public double[] eval(String[] context, double[] probs) {
        return eval(context, null, probs);
    }

    /** Like {@link GISModel#eval(String[], float[], double[])}: fills and returns {@code outsums}. */
    public double[] eval(String[] context, float[] values, double[] outsums) {
        int[] ids = new int[context.length];
        for (int i = 0; i < context.length; i++) {
            ids[i] = predicates.id(context[i]);
        }
        return eval(ids, values, outsums);
    }

    /**
     * The same as {@link #eval(String[], double[])} for the context whose predicates have the {@link
     * ru.otklik.nlp.features.FeatureHash FeatureHash}es {@code hashes[0, count)}: callers that can hash a
     * predicate's parts as they go need not build its string.
     */
    public double[] eval(long[] hashes, int count, double[] outsums) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = predicates.id(hashes[i]);
        }
        return eval(ids, null, outsums);
    }

    private double[] eval(int[] ids, float[] values, double[] outsums) {
        int n = outcomeNames.length;
        Arrays.fill(outsums, 0, n, 0.0);
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id < 0) {
                continue;
            }
            double value = values == null ? 1.0 : values[i];
            for (int k = start[id], end = start[id + 1]; k < end; k++) {
                outsums[outcomes[k]] += weights[k] * value;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < n; o++) {
            max = Math.max(max, outsums[o]);
        }
        double sum = 0;
        for (int o = 0; o < n; o++) {
            outsums[o] = Math.exp(outsums[o] - max);
            sum += outsums[o];
        }
        for (int o = 0; o < n; o++) {
            outsums[o] /= sum;
        }
        return outsums;
    }
}
