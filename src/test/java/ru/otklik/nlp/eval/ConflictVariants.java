package ru.otklik.nlp.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ru.otklik.nlp.categorize.CategorizerTrainer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.categorize.TrainingConfig;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.SharedDatasets;
import ru.otklik.nlp.data.Split;
import ru.otklik.nlp.data.TaskCorpora;
import ru.otklik.nlp.data.TaskCorpus;
import ru.otklik.nlp.train.FeatureCache;
import ru.otklik.nlp.train.ShippedModelBuilder;

/**
 * Compares conflict-corpus variants and decision thresholds for the Skoltech task without looking at the Skoltech
 * dev view: each variant is trained on the conflict corpus's training side minus {@link SkoltechSlice}, and scored
 * at several thresholds on that slice (label ≥ 0.5), on RUSSE dev.tsv and on the appeal and tweet rows of the dev
 * side (the share of ordinary posts flagged). How the shipped threshold was chosen (docs/nlp.md, "Conflict and the
 * Skoltech task"); a measurement aid, run from the project root:
 *
 * <pre>java -Xmx4g -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*"
 *     ru.otklik.nlp.eval.ConflictVariants ../shared/datasets l2=0.01 cut=0.5,w=8,l2=0.1 three=1,cut=0.5</pre>
 *
 * A variant is {@code key=value,…}: {@code cut} labels every Skoltech row conflict from that score (absent: the
 * shipped extremes ≤ 0.25 / ≥ 0.75), {@code w} repeats its conflict rows, {@code l2} the L2 cost (default 0.01),
 * {@code three=1} gives them a third label, {@code inappropriate}, and scores 1 − p(none).
 */
public final class ConflictVariants {

    private ConflictVariants() {
    }

    public static void main(String[] args) throws IOException {
        Path datasets = Path.of(args[0]);
        TaskCorpus corpus = TaskCorpora.at(datasets).build("conflict");
        SharedDatasets data = new SharedDatasets(datasets);
        List<LabeledText> base = corpus.split().train().stream().filter(t -> !t.id().startsWith("skol-")).toList();
        List<LabeledText> slice = SkoltechSlice.rows(data);
        List<LabeledText> russeDev = corpus.devViews().get("russe dev");
        List<LabeledText> calm = SkoltechSlice.ordinary(corpus.devViews().get("all"));
        FeatureCache cache = new FeatureCache();
        for (int a = 1; a < args.length; a++) {
            String spec = args[a];
            Map<String, String> kv = SkoltechSlice.spec(spec);
            int w = Integer.parseInt(kv.getOrDefault("w", "1"));
            double l2 = Double.parseDouble(kv.getOrDefault("l2", "0.01"));
            List<LabeledText> skol = kv.containsKey("cut")
                    ? data.skoltechFrom(Double.parseDouble(kv.get("cut")))
                    : data.skoltech();
            List<LabeledText> train = new ArrayList<>(base);
            for (LabeledText t : skol) {
                if (Split.isDev(t.id()) || SkoltechSlice.contains(t.id())) {
                    continue;
                }
                int reps = t.label().equals("conflict") ? w : 1;
                LabeledText row = kv.containsKey("three") && t.label().equals("conflict")
                        ? new LabeledText(t.id(), t.text(), "inappropriate") : t;
                for (int r = 0; r < reps; r++) {
                    train.add(row);
                }
            }
            TrainingConfig config = ShippedModelBuilder.configFor("conflict").withL2(l2);
            long start = System.nanoTime();
            DocCategorizer m = new CategorizerTrainer().train("conflict", cache.features(train),
                    train.stream().map(LabeledText::label).toList(), config, List.of());
            double[] ps = probs(m, cache, slice);
            double[] pr = probs(m, cache, russeDev);
            double[] pc = probs(m, cache, calm);
            System.out.printf("%-28s best on slice %s | %.0fs%n", spec, best(slice, ps), (System.nanoTime() - start) / 1e9);
            for (double th : new double[] {0.5, 0.35, 0.25, 0.2, 0.15}) {
                System.out.printf("   @%.2f slice F1 %s | russe %s | calm alarms %.4f (%d)%n",
                        th, f1(slice, ps, th), russe(russeDev, pr, th), SkoltechSlice.share(pc, th), calm.size());
            }
            System.out.flush();
        }
    }

    private static double[] probs(DocCategorizer m, FeatureCache cache, List<LabeledText> texts) {
        int c = m.labels().indexOf("none");
        return texts.stream().mapToDouble(t -> 1 - m.probabilities(cache.features(t.text()))[c]).toArray();
    }

    private static String f1(List<LabeledText> gold, double[] p, double th) {
        SkoltechSlice.Counts c = SkoltechSlice.Counts.at(gold, p, th);
        return String.format("%.3f (P %.3f R %.3f)", c.f1(), c.precision(), c.recall());
    }

    private static String best(List<LabeledText> gold, double[] p) {
        double t = SkoltechSlice.bestThreshold(gold, p);
        return String.format("%.3f@%.2f", SkoltechSlice.Counts.at(gold, p, t).f1(), t);
    }

    /** RUSSE dev's toxic recall and macro-F1 when {@code p[i] ≥ th} flags row i. */
    static String russe(List<LabeledText> gold, double[] p, double th) {
        List<String> g = gold.stream().map(LabeledText::label).toList();
        List<String> pred = new ArrayList<>();
        for (double v : p) {
            pred.add(v >= th ? "conflict" : "none");
        }
        Metrics m = Metrics.of(g, pred);
        return String.format("recall %.3f macroF1 %.3f", m.perClass().get("conflict").recall(), m.macroF1());
    }

}
