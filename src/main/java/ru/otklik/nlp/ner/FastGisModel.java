package ru.otklik.nlp.ner;

import java.util.Arrays;
import java.util.Map;

import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The same weights as an OpenNLP {@link GISModel}, evaluated with {@link Math#exp}. OpenNLP calls
 * {@code StrictMath.exp}, which the JIT does not turn into an intrinsic: every outcome of every token then
 * costs a native call, and that was 15 % of the whole analysis of a post. {@code Math.exp} differs from it
 * by at most one ulp, so labels and probabilities stay the same to 1e-12 (checked by FastGisModelTest).
 * It also skips the per-call {@code Context[]} the original allocates and subtracts the largest sum before
 * exponentiating, so no sum can overflow.
 */
public final class FastGisModel extends AbstractModel {

    @SuppressWarnings("unchecked")
    private FastGisModel(Object[] data) {
        super((Context[]) data[0], null, (Map<String, Context>) data[1], (String[]) data[2]);
        modelType = ModelType.Maxent;
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
        int n = outcomeNames.length;
        Arrays.fill(outsums, 0, n, 0.0);
        for (int i = 0; i < context.length; i++) {
            Context predicate = pmap.get(context[i]);
            if (predicate == null) {
                continue;
            }
            int[] outcomes = predicate.getOutcomes();
            double[] parameters = predicate.getParameters();
            double value = values == null ? 1.0 : values[i];
            for (int k = 0; k < outcomes.length; k++) {
                outsums[outcomes[k]] += parameters[k] * value;
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
