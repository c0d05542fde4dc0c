package ru.otklik.nlp.categorize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import ru.otklik.nlp.features.Features;
import ru.otklik.nlp.features.TfIdfVectorizer;
import ru.otklik.nlp.features.WeightedContext;

/**
 * A trained document categoriser: IDF table + OpenNLP maxent model + manifest. Read-only, thread-safe
 * ({@code MaxentModel.eval} allocates its own arrays).
 */
public final class DocCategorizer {

    private static final int TOP_FEATURES = 5;

    private final MaxentModel model;
    private final TfIdfVectorizer vectorizer;
    private final ModelMeta meta;
    private final Map<String, Context> parameters;
    private final DecisionRule rule;

    @SuppressWarnings("unchecked")
    public DocCategorizer(MaxentModel model, TfIdfVectorizer vectorizer, ModelMeta meta) {
        this.model = model;
        this.vectorizer = vectorizer;
        this.meta = meta;
        this.rule = DecisionRule.of(meta, labels());
        // Index 1 of the data structures is the predicate → parameters map; we read it for explanations.
        this.parameters = model instanceof AbstractModel am
                ? (Map<String, Context>) am.getDataStructures()[1] : Map.of();
    }

    public Prediction predict(Features features) {
        return predict(vectorizer.transform(features));
    }

    public Prediction predict(WeightedContext ctx) {
        double[] probs = model.eval(ctx.names(), ctx.values());
        int best = rule.decide(probs);
        return new Prediction(model.getOutcome(best), probs[best], explain(ctx, best));
    }

    /** Probabilities of every outcome, in {@link #labels()} order. */
    public double[] probabilities(Features features) {
        WeightedContext ctx = vectorizer.transform(features);
        return model.eval(ctx.names(), ctx.values());
    }

    public List<String> labels() {
        List<String> labels = new ArrayList<>(model.getNumOutcomes());
        for (int i = 0; i < model.getNumOutcomes(); i++) {
            labels.add(model.getOutcome(i));
        }
        return labels;
    }

    /** The features this model weighs (its IDF table's keys). */
    public java.util.Set<String> vocabulary() {
        return vectorizer.idf().keySet();
    }

    public ModelMeta meta() {
        return meta;
    }

    public String version() {
        return meta.version();
    }

    MaxentModel model() {
        return model;
    }

    TfIdfVectorizer vectorizer() {
        return vectorizer;
    }

    /** The weight of {@code feature} for outcome {@code outcome}; 0 when the model has none. */
    double weight(String feature, int outcome) {
        Context c = parameters.get(feature);
        return c == null ? 0 : weightFor(c, outcome);
    }

    private List<Prediction.FeatureWeight> explain(WeightedContext ctx, int outcome) {
        TopContributions top = new TopContributions(TOP_FEATURES);
        for (int i = 0; i < ctx.names().length; i++) {
            String name = ctx.names()[i];
            Context c = parameters.get(name);
            if (c != null && !TfIdfVectorizer.BIAS.equals(name)) {
                top.offer(i, weightFor(c, outcome) * ctx.values()[i]);
            }
        }
        return top.toList(i -> ctx.names()[i]);
    }

    private static double weightFor(Context c, int outcome) {
        int[] outcomes = c.getOutcomes();
        if (outcome < outcomes.length && outcomes[outcome] == outcome) {
            return c.getParameters()[outcome];
        }
        for (int j = 0; j < outcomes.length; j++) {
            if (outcomes[j] == outcome) {
                return c.getParameters()[j];
            }
        }
        return 0;
    }
}
