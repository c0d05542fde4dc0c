package ru.otklik.nlp.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import ru.otklik.nlp.TopicBlend;
import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.LabelledTraining;
import ru.otklik.nlp.data.TaskCorpora;
import ru.otklik.nlp.data.TaskCorpus;
import ru.otklik.nlp.features.Features;
import ru.otklik.nlp.train.FeatureCache;

/**
 * A measurement aid, not a test: two topic models on every Kursk dev view of the topic corpus (the views
 * {@code train --all} reports, with every labelled dev text left out), each difference with a paired bootstrap
 * 95 % interval — for accuracy ({@link PairedBootstrap}) and for macro-F1 (the same resamples of the appeals,
 * both models' macro-F1 recomputed on each). This is the noise a topic change is judged against (docs/nlp.md,
 * "Topic on informal posts"). Arguments: DATASETS LABELLED_DIR MODEL_DIR_A MODEL_DIR_B [MODEL_DIR_C …] (directories
 * that hold {@code topic/}): A is compared with each of the others (the topic model alone, the LR baseline of
 * {@link TopicBaselineSave}, say). A directory that also holds {@code topic_informal/} is scored as the analysis
 * scores it, the topic model blended with that in-domain model through {@link TopicBlend#label}: A at every blend of
 * {@code -Dblend=SPEC,…} ({@link TopicBlend#parse}: {@code 0.5}, {@code 0.5@200}; default {@link TopicBlend#DEFAULT}),
 * the others at {@link TopicBlend#DEFAULT}.
 */
public final class TopicViewsCompare {

    private static final int RESAMPLES = 2_000;
    private static final long SEED = 20261205L;

    public static void main(String[] args) throws Exception {
        Path datasets = Path.of(args[0]);
        LabelledTraining labelled = LabelledTraining.read(Path.of(args[1]), Optional.of(datasets), 1);
        TaskCorpus corpus = TaskCorpora.at(datasets, Optional.of(labelled)).build("topic");
        CategorizerStore store = new CategorizerStore();
        Map<String, Answer> contenders = new LinkedHashMap<>();
        for (String spec : System.getProperty("blend", TopicBlend.DEFAULT.spec()).split(",")) {
            TopicBlend blend = TopicBlend.parse(spec.strip());
            contenders.put(args[2] + " " + blend.spec(), topic(store, Path.of(args[2]), blend));
        }
        Map<String, Answer> references = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            references.put(args[i], topic(store, Path.of(args[i]), TopicBlend.DEFAULT));
        }
        FeatureCache cache = new FeatureCache();
        System.out.println("| view | n | A | B | accuracy A / B | A − B (95 %) | macro-F1 A / B | A − B (95 %) |");
        System.out.println("|---|---:|---|---|---|---|---|---|");
        for (Map.Entry<String, List<LabeledText>> view : corpus.devViews().entrySet()) {
            List<String> gold = view.getValue().stream().map(LabeledText::label).toList();
            Map<String, List<String>> answers = new LinkedHashMap<>();
            for (Map<String, Answer> group : List.of(contenders, references)) {
                group.forEach((name, answer) -> answers.put(name, view.getValue().stream()
                        .map(t -> answer.apply(t.text(), cache.features(t.text()))).toList()));
            }
            for (String a : contenders.keySet()) {
                for (String b : references.keySet()) {
                    row(view.getKey(), gold, a, answers.get(a), b, answers.get(b));
                }
            }
        }
    }

    /** A model directory's topic for a text and its features. */
    private interface Answer extends BiFunction<String, Features, String> {
    }

    private static void row(String view, List<String> gold, String nameA, List<String> pa, String nameB,
                            List<String> pb) {
        boolean[] ra = new boolean[gold.size()];
        boolean[] rb = new boolean[gold.size()];
        for (int i = 0; i < gold.size(); i++) {
            ra[i] = gold.get(i).equals(pa.get(i));
            rb[i] = gold.get(i).equals(pb.get(i));
        }
        PairedBootstrap acc = PairedBootstrap.of(ra, rb);
        double f1a = Metrics.of(gold, pa).macroF1();
        double f1b = Metrics.of(gold, pb).macroF1();
        double[] f1 = macroF1Interval(gold, pa, pb);
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %.3f / %.3f | %+.3f (%+.3f to %+.3f) | %.3f / %.3f | %+.3f (%+.3f to %+.3f) |%n",
                view, gold.size(), nameA, nameB, acc.accuracyA(), acc.accuracyB(), acc.difference(), acc.low(),
                acc.high(), f1a, f1b, f1a - f1b, f1[0], f1[1]);
    }

    /** A directory's topic answer: its topic model's, blended with its in-domain topic model when it has one. */
    private static Answer topic(CategorizerStore store, Path dir, TopicBlend blend) throws java.io.IOException {
        DocCategorizer topic = store.load(dir.resolve("topic"));
        if (!CategorizerStore.exists(dir.resolve(TaskCorpora.TOPIC_INFORMAL))) {
            return (text, f) -> topic.predict(f).label();
        }
        DocCategorizer local = store.load(dir.resolve(TaskCorpora.TOPIC_INFORMAL));
        System.out.printf(Locale.ROOT, "%s: topic blended with %s at %s%n", dir, TaskCorpora.TOPIC_INFORMAL,
                blend.spec());
        return (text, f) -> blend.label(topic, local, text, f);
    }

    /** 2.5th and 97.5th percentiles of macro-F1(A) − macro-F1(B) over paired resamples of the items. */
    private static double[] macroF1Interval(List<String> gold, List<String> pa, List<String> pb) {
        SplittableRandom random = new SplittableRandom(SEED);
        int n = gold.size();
        double[] diffs = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            List<String> g = new ArrayList<>(n);
            List<String> x = new ArrayList<>(n);
            List<String> y = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(n);
                g.add(gold.get(k));
                x.add(pa.get(k));
                y.add(pb.get(k));
            }
            diffs[r] = Metrics.of(g, x).macroF1() - Metrics.of(g, y).macroF1();
        }
        Arrays.sort(diffs);
        return new double[] {diffs[(int) (RESAMPLES * 0.025)], diffs[(int) (RESAMPLES * 0.975) - 1]};
    }
}
