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
 * Decides between a model of its own for Skoltech's inappropriate messages and a second decision rule on the
 * conflict model, without looking at the Skoltech dev view: every variant is trained without {@link SkoltechSlice}
 * and the dev side, and scored on the slice (published label, inappropriate ≥ 0.5: best-F1 threshold and F1 there),
 * on RUSSE dev (toxic comments flagged) and on the appeal and tweet dev rows (ordinary posts flagged). How the
 * {@code inappropriate} model was chosen (docs/nlp.md, "The inappropriate output"); a measurement aid, run from the
 * project root:
 *
 * <pre>java -Xmx3g -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*"
 *     ru.otklik.nlp.eval.InappropriateVariants ../shared/datasets conflict own own,l2=0.03 own,calm=1</pre>
 *
 * {@code conflict} is the shipped conflict corpus (its p(conflict) as the score); {@code own} trains on val.csv's
 * training side alone, inappropriate from {@code cut} (default 0.5), with {@code calm=1} the conflict corpus's
 * appeal and calm-tweet rows as none beside, {@code l2} the L2 cost (default 0.01), {@code os} the oversampling
 * power (default 0.5), {@code blend=1} scores the mean of that model's p and the slice-less conflict model's.
 */
public final class InappropriateVariants {

    private InappropriateVariants() {
    }

    public static void main(String[] args) throws IOException {
        Path datasets = Path.of(args[0]);
        TaskCorpus conflict = TaskCorpora.at(datasets).build("conflict");
        SharedDatasets data = new SharedDatasets(datasets);
        List<LabeledText> slice = SkoltechSlice.rows(data);
        List<LabeledText> russeToxic = conflict.devViews().get("russe dev").stream()
                .filter(t -> t.label().equals("conflict")).toList();
        List<LabeledText> calm = SkoltechSlice.ordinary(conflict.devViews().get("all"));
        List<LabeledText> calmTrain = SkoltechSlice.ordinary(conflict.split().train());
        FeatureCache cache = new FeatureCache();
        for (int a = 1; a < args.length; a++) {
            String spec = args[a];
            Map<String, String> kv = SkoltechSlice.spec(spec);
            List<LabeledText> train = new ArrayList<>();
            TrainingConfig config;
            String positive;
            if (kv.containsKey("conflict")) {
                conflict.split().train().stream().filter(t -> !SkoltechSlice.contains(t.id())).forEach(train::add);
                config = ShippedModelBuilder.configFor("conflict");
                positive = "conflict";
            } else {
                double cut = Double.parseDouble(kv.getOrDefault("cut", "0.5"));
                for (LabeledText t : data.skoltechFrom(cut)) {
                    if (!Split.isDev(t.id()) && !SkoltechSlice.contains(t.id())) {
                        train.add(new LabeledText(t.id(), t.text(),
                                t.label().equals("conflict") ? "inappropriate" : "none"));
                    }
                }
                if (kv.containsKey("calm")) {
                    train.addAll(calmTrain);
                }
                config = ShippedModelBuilder.configFor("inappropriate")
                        .withL2(Double.parseDouble(kv.getOrDefault("l2", "0.01")))
                        .withOversamplePower(Double.parseDouble(kv.getOrDefault("os", "0.5")));
                positive = "inappropriate";
            }
            long start = System.nanoTime();
            DocCategorizer m = new CategorizerTrainer().train("variant", cache.features(train),
                    train.stream().map(LabeledText::label).toList(), config, List.of());
            double[] ps = probs(m, positive, cache, slice);
            double[] pr = probs(m, positive, cache, russeToxic);
            double[] pc = probs(m, positive, cache, calm);
            if (kv.containsKey("blend")) {
                // the mean of this model's p and the slice-less conflict model's p(conflict)
                List<LabeledText> ct = conflict.split().train().stream()
                        .filter(t -> !SkoltechSlice.contains(t.id())).toList();
                DocCategorizer cm = new CategorizerTrainer().train("conflict", cache.features(ct),
                        ct.stream().map(LabeledText::label).toList(), ShippedModelBuilder.configFor("conflict"),
                        List.of());
                ps = mean(ps, probs(cm, "conflict", cache, slice));
                pr = mean(pr, probs(cm, "conflict", cache, russeToxic));
                pc = mean(pc, probs(cm, "conflict", cache, calm));
            }
            double best = SkoltechSlice.bestThreshold(slice, ps);
            System.out.printf("%-24s %d rows, best on slice %.3f@%.2f | %.0fs%n", spec, train.size(),
                    SkoltechSlice.Counts.at(slice, ps, best).f1(), best, (System.nanoTime() - start) / 1e9);
            for (double th : new double[] {best, 0.5, 0.4, 0.3, 0.25, 0.2}) {
                SkoltechSlice.Counts c = SkoltechSlice.Counts.at(slice, ps, th);
                System.out.printf("   @%.2f slice F1 %.3f (P %.3f R %.3f) | russe toxic flagged %.3f | calm flagged "
                        + "%.4f of %d%n", th, c.f1(), c.precision(), c.recall(), SkoltechSlice.share(pr, th),
                        SkoltechSlice.share(pc, th), calm.size());
            }
            System.out.flush();
        }
    }

    private static double[] probs(DocCategorizer m, String label, FeatureCache cache, List<LabeledText> texts) {
        int c = m.labels().indexOf(label);
        return texts.stream().mapToDouble(t -> m.probabilities(cache.features(t.text()))[c]).toArray();
    }

    private static double[] mean(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (a[i] + b[i]) / 2;
        }
        return out;
    }

}
