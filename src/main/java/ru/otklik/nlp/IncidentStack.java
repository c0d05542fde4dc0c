package ru.otklik.nlp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import ru.otklik.nlp.categorize.Prediction.FeatureWeight;

/**
 * The learned incident decision: a logistic regression over {@link StackFeatures} — the models' logits, the kinds
 * of analyst rule that matched and the text's shape — in place of {@link IncidentDecider.Blend}'s hand-set weights,
 * floors and silencing (docs/nlp.md, "A learned decision over the signals"). An incident when
 * {@code σ(bias + Σ wᵢ·xᵢ) ≥ threshold}. Fitted out of fold by {@code crossval --task incident --stack FILE} over
 * the labelled dev rows' out-of-fold answers ({@code ru.otklik.nlp.eval.StackFit}); stored as a readable TSV,
 * one weight per feature name, in {@code nlp-models/blend/stack.tsv}. Immutable.
 *
 * @param bias      the intercept
 * @param weights   one weight per {@link StackFeatures#NAMES} entry, on the features' own scale
 * @param threshold the probability from which a post is an incident
 */
public record IncidentStack(double bias, List<Double> weights, double threshold) {

    /** Where a models directory keeps it; without the file the decision is the hand blend. */
    public static final String FILE = "blend/stack.tsv";

    public IncidentStack {
        weights = List.copyOf(weights);
        if (weights.size() != StackFeatures.NAMES.size()) {
            throw new IllegalArgumentException("the stack needs " + StackFeatures.NAMES.size() + " weights, got "
                    + weights.size());
        }
        IncidentDecider.requireProbability(threshold);
    }

    public IncidentStack withThreshold(double t) {
        return new IncidentStack(bias, weights, t);
    }

    /** The probability of an incident. */
    public double probability(double[] x) {
        return 1 / (1 + Math.exp(-logit(x)));
    }

    /** The probability with the analysts' rules left out: whether the rules, not the models, decided. */
    public double probabilityWithoutRules(double[] x) {
        double z = logit(x);
        for (int i : StackFeatures.RULE_FEATURES) {
            z -= weights.get(i) * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The features that pushed the score up most (weight × value, largest first; at most {@code n}). */
    public List<FeatureWeight> reasons(double[] x, int n) {
        return IntStream.range(0, x.length).filter(i -> weights.get(i) * x[i] > 0)
                .mapToObj(i -> new FeatureWeight(StackFeatures.NAMES.get(i), weights.get(i) * x[i]))
                .sorted(Comparator.comparingDouble(FeatureWeight::weight).reversed()).limit(n).toList();
    }

    private double logit(double[] x) {
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights.get(i) * x[i];
        }
        return z;
    }

    /** The stack of a models directory, or empty when it has none. */
    public static Optional<IncidentStack> load(Path modelsDir) throws IOException {
        Path file = modelsDir.resolve(FILE);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Reads the TSV {@link #write} wrote: {@code threshold}, {@code bias}, then every feature's weight by name. */
    public static IncidentStack read(Path file) throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 2) {
                throw new IOException(file + ": expected «name<TAB>value», got «" + line + "»");
            }
            try {
                values.put(cols[0], Double.valueOf(cols[1]));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": «" + cols[0] + "» is not a number: «" + cols[1] + "»", e);
            }
        }
        List<String> expected = new ArrayList<>(List.of("threshold", "bias"));
        expected.addAll(StackFeatures.NAMES);
        if (!new ArrayList<>(values.keySet()).equals(expected)) {
            throw new IOException(file + ": the stack's names must be " + expected + ", got " + values.keySet());
        }
        try {
            return new IncidentStack(values.get("bias"), StackFeatures.NAMES.stream().map(values::get).toList(),
                    values.get("threshold"));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the model as TSV, a comment first ({@code #} lines), values at full precision. */
    public void write(Path file, String comment) throws IOException {
        List<String> lines = new ArrayList<>();
        comment.lines().forEach(l -> lines.add("# " + l));
        lines.add("threshold\t" + threshold);
        lines.add("bias\t" + bias);
        for (int i = 0; i < weights.size(); i++) {
            lines.add(StackFeatures.NAMES.get(i) + "\t" + weights.get(i));
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "stack at %.3f: bias %.3f", threshold, bias));
        for (int i = 0; i < weights.size(); i++) {
            s.append(String.format(Locale.ROOT, ", %s %.3f", StackFeatures.NAMES.get(i), weights.get(i)));
        }
        return s.toString();
    }
}
