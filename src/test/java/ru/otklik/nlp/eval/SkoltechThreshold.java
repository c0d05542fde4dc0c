package ru.otklik.nlp.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.CategorizerTrainer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.SharedDatasets;
import ru.otklik.nlp.data.Split;
import ru.otklik.nlp.data.TaskCorpora;
import ru.otklik.nlp.data.TaskCorpus;
import ru.otklik.nlp.train.FeatureCache;
import ru.otklik.nlp.train.ShippedModelBuilder;

/**
 * The conflict model at its best-F1 threshold for the Skoltech task, the threshold taken from the training side
 * only: a model is trained with the shipped settings on the conflict corpus minus a slice of val.csv's
 * training side (CRC32 of {@code <id>#tune} modulo 5 = 0, the slice {@code tfidf_lr.py --task skoltech} tunes
 * the recipe on), the slice is scored with the published label (inappropriate ≥ 0.5), and the threshold with
 * the best F1 there is applied to the shipped model on the Skoltech dev view. Writes {@code {"id","predicted"}}
 * per dev row for {@code tfidf_lr.py --ours}. A measurement aid, run from the project root (docs/nlp.md,
 * "Conflict and the Skoltech task"):
 *
 * <pre>java -Xmx3g -cp target/test-classes:target/classes:$(cat target/cp.txt) ru.otklik.nlp.eval.SkoltechThreshold
 *     ../shared/datasets nlp-models/conflict /tmp/skol-ours-tuned.jsonl</pre>
 */
public final class SkoltechThreshold {

    private SkoltechThreshold() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: SkoltechThreshold DATASETS_DIR CONFLICT_MODEL_DIR OUT.jsonl");
            System.exit(2);
        }
        Path datasets = Path.of(args[0]);
        TaskCorpus corpus = TaskCorpora.at(datasets).build("conflict");
        List<LabeledText> train = corpus.split().train().stream().filter(t -> !SkoltechSlice.contains(t.id())).toList();
        List<LabeledText> slice = new SharedDatasets(datasets).skoltechInappropriate().stream()
                .filter(t -> !Split.isDev(t.id()) && SkoltechSlice.contains(t.id())).toList();
        FeatureCache cache = new FeatureCache();
        System.err.printf("[threshold] training on %d texts without the %d-row slice%n", train.size(), slice.size());
        DocCategorizer tuning = new CategorizerTrainer().train("conflict", cache.features(train),
                train.stream().map(LabeledText::label).toList(), ShippedModelBuilder.configFor("conflict"), List.of());
        double threshold = bestThreshold(tuning, slice, cache);
        DocCategorizer shipped = new CategorizerStore().load(Path.of(args[1]));
        List<LabeledText> dev = corpus.devViews().get(TaskCorpora.SKOLTECH_VIEW);
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (LabeledText t : dev) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", t.id());
                line.put("predicted", conflictProbability(shipped, cache, t) >= threshold ? "conflict" : "none");
                w.write(json.writeValueAsString(line));
                w.newLine();
            }
        }
    }

    private static double bestThreshold(DocCategorizer model, List<LabeledText> slice, FeatureCache cache) {
        double[] p = slice.stream().mapToDouble(t -> conflictProbability(model, cache, t)).toArray();
        double best = SkoltechSlice.bestThreshold(slice, p);
        System.err.printf("[threshold] best F1 %.3f at p(conflict) ≥ %.2f on the slice%n",
                SkoltechSlice.Counts.at(slice, p, best).f1(), best);
        return best;
    }

    private static double conflictProbability(DocCategorizer model, FeatureCache cache, LabeledText t) {
        return model.probabilities(cache.features(t.text()))[model.labels().indexOf("conflict")];
    }
}
