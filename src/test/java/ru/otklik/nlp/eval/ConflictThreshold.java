package ru.otklik.nlp.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import ru.otklik.nlp.InappropriateRule;
import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.data.SharedDatasets;
import ru.otklik.nlp.train.FeatureCache;

/**
 * The conflict model's decision threshold judged as a conflict flag alone, once inappropriateness has its own
 * output: per threshold, RUSSE dev.tsv's macro-F1 and toxic recall, and the share of the labelled set's written
 * posts (docs/incident-guideline.md) flagged — its non-incidents and all of them. How the shipped threshold went back
 * (docs/nlp.md, "The inappropriate output"); a measurement aid, run from the project root:
 *
 * <pre>java -Xmx2g -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*"
 *     ru.otklik.nlp.eval.ConflictThreshold ../shared/datasets nlp-models/conflict labelled</pre>
 */
public final class ConflictThreshold {

    private ConflictThreshold() {
    }

    public static void main(String[] args) throws IOException {
        Path datasets = Path.of(args[0]);
        DocCategorizer model = new CategorizerStore().load(Path.of(args[1]));
        List<LabeledText> russe = new SharedDatasets(datasets).russe("dev.tsv");
        List<LabelledPosts.Post> written = new LabelledPosts(Optional.of(datasets)).read(Path.of(args[2])).posts()
                .stream().filter(p -> p.source().equals("written")).toList();
        FeatureCache cache = new FeatureCache();
        int c = model.labels().indexOf("conflict");
        double[] pr = russe.stream().mapToDouble(t -> model.probabilities(cache.features(t.text()))[c]).toArray();
        double[] pw = written.stream().mapToDouble(p -> model.probabilities(cache.features(p.text()))[c]).toArray();
        System.out.printf("%d RUSSE dev rows, %d written posts (%d non-incidents)%n", russe.size(), written.size(),
                written.stream().filter(p -> !p.isIncident()).count());
        for (double th : new double[] {0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25, InappropriateRule.THRESHOLD}) {
            int none = 0;
            int noneFlagged = 0;
            int flagged = 0;
            for (int i = 0; i < pw.length; i++) {
                boolean f = pw[i] >= th;
                flagged += f ? 1 : 0;
                if (!written.get(i).isIncident()) {
                    none++;
                    noneFlagged += f ? 1 : 0;
                }
            }
            System.out.printf("@%.2f RUSSE dev %s | written non-incidents flagged %.4f (%d) | all written flagged "
                            + "%.4f (%d)%n", th, ConflictVariants.russe(russe, pr, th), noneFlagged / (double) none,
                    noneFlagged, flagged / (double) pw.length, flagged);
        }
    }
}
