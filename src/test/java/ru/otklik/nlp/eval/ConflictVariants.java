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
 * Scratch comparison of conflict-corpus variants for the Skoltech task, chosen without the Skoltech dev view:
 * each variant is trained on the conflict corpus's training side minus the tuning slice of val.csv (CRC32 of
 * {@code <id>#tune} modulo 5 = 0, as {@link SkoltechThreshold}), and scored on that slice (label ≥ 0.5), on
 * RUSSE dev.tsv and on the non-Skoltech none rows of the dev side (appeals, tweets: false alarms).
 * Variant spec: {@code cut=0.5,w=3,l2=0.01} (Skoltech rows labelled conflict from {@code cut}, positives repeated
 * {@code w} times; {@code cut=x} absent = the shipped extremes ≤ 0.25 / ≥ 0.75).
 */
public final class ConflictVariants {

    private ConflictVariants() {
    }

    public static void main(String[] args) throws IOException {
        Path datasets = Path.of(args[0]);
        TaskCorpus corpus = TaskCorpora.at(datasets).build("conflict");
        SharedDatasets data = new SharedDatasets(datasets);
        List<LabeledText> base = corpus.split().train().stream().filter(t -> !t.id().startsWith("skol-")).toList();
        List<LabeledText> slice = data.skoltechInappropriate().stream()
                .filter(t -> !Split.isDev(t.id()) && inSlice(t.id())).toList();
        List<LabeledText> russeDev = corpus.devViews().get("russe dev");
        List<LabeledText> calm = corpus.devViews().get("all").stream()
                .filter(t -> !t.id().startsWith("skol-") && !t.id().startsWith("russe-")).toList();
        FeatureCache cache = new FeatureCache();
        for (int a = 1; a < args.length; a++) {
            String spec = args[a];
            Map<String, String> kv = new java.util.HashMap<>();
            for (String part : spec.split(",")) {
                String[] p = part.split("=");
                kv.put(p[0], p[1]);
            }
            int w = Integer.parseInt(kv.getOrDefault("w", "1"));
            double l2 = Double.parseDouble(kv.getOrDefault("l2", "0.01"));
            List<LabeledText> skol = kv.containsKey("cut")
                    ? data.skoltechFrom(Double.parseDouble(kv.get("cut")))
                    : data.skoltech();
            List<LabeledText> train = new ArrayList<>(base);
            for (LabeledText t : skol) {
                if (Split.isDev(t.id()) || inSlice(t.id())) {
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
                        th, f1(slice, ps, th), russe(russeDev, pr, th), alarms(pc, th), calm.size());
            }
            System.out.flush();
        }
    }

    private static boolean inSlice(String id) {
        return id.startsWith("skol-") && Split.fold(id + "#tune", 5) == 0;
    }

    private static double[] probs(DocCategorizer m, FeatureCache cache, List<LabeledText> texts) {
        int c = m.labels().indexOf("none");
        return texts.stream().mapToDouble(t -> 1 - m.probabilities(cache.features(t.text()))[c]).toArray();
    }

    private static String f1(List<LabeledText> gold, double[] p, double th) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean g = gold.get(i).label().equals("conflict");
            boolean f = p[i] >= th;
            tp += g && f ? 1 : 0;
            fp += !g && f ? 1 : 0;
            fn += g && !f ? 1 : 0;
        }
        return String.format("%.3f (P %.3f R %.3f)", 2.0 * tp / (2 * tp + fp + fn), tp / Math.max(1.0, tp + fp),
                tp / Math.max(1.0, tp + fn));
    }

    private static String best(List<LabeledText> gold, double[] p) {
        double bestF = -1;
        double bestT = 0;
        for (int s = 5; s <= 95; s++) {
            String f = f1(gold, p, s / 100.0);
            double v = Double.parseDouble(f.substring(0, 5));
            if (v > bestF) {
                bestF = v;
                bestT = s / 100.0;
            }
        }
        return String.format("%.3f@%.2f", bestF, bestT);
    }

    private static String russe(List<LabeledText> gold, double[] p, double th) {
        List<String> g = gold.stream().map(LabeledText::label).toList();
        List<String> pred = new ArrayList<>();
        for (double v : p) {
            pred.add(v >= th ? "conflict" : "none");
        }
        Metrics m = Metrics.of(g, pred);
        return String.format("recall %.3f macroF1 %.3f", m.perClass().get("conflict").recall(), m.macroF1());
    }

    private static double alarms(double[] p, double th) {
        int n = 0;
        for (double v : p) {
            n += v >= th ? 1 : 0;
        }
        return n / (double) p.length;
    }
}
