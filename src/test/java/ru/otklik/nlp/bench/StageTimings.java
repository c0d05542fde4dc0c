package ru.otklik.nlp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import ru.otklik.nlp.NlpModels;
import ru.otklik.nlp.TextAnalyzer;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.SharedDatasets;
import ru.otklik.nlp.features.FeatureExtractor;
import ru.otklik.nlp.features.IndexedFeatures;
import ru.otklik.nlp.place.TulaGazetteer;
import ru.otklik.nlp.rules.TopicRules;
import ru.otklik.nlp.text.NormalizedText;
import ru.otklik.nlp.text.TextNormalizer;

/**
 * Where one post's analysis spends its time: each stage timed alone on one thread over the benchmark posts,
 * after a warm-up. A profiling aid next to {@link AnalyzeBenchmark}, which gives the figure that counts.
 * Run from the project root (see docs/nlp.md); the argument {@code kursk} times the Kursk appeals of
 * {@code ../shared} instead of the 16 sample posts.
 */
public final class StageTimings {

    private static final int ROUNDS = 10000;
    private static final Path KURSK = Path.of("../shared/datasets");

    public static void main(String[] args) throws IOException {
        TextAnalyzer analyzer = TextAnalyzer.load(Path.of("nlp-models"), Optional.empty());
        NlpModels models = analyzer.models();
        List<String> posts = args.length > 0 && args[0].equals("kursk") && Files.isDirectory(KURSK)
                ? new SharedDatasets(KURSK).kursk("Категория").stream().map(LabeledText::text).toList()
                : Files.readAllLines(Path.of("src/test/resources/nlp/bench-posts.txt"), StandardCharsets.UTF_8)
                        .stream().filter(s -> !s.isBlank()).toList();
        TextNormalizer normalizer = new TextNormalizer();
        FeatureExtractor extractor = new FeatureExtractor();
        TopicRules rules = TopicRules.load(Path.of("nlp-models/rules/topics.tsv"));
        TulaGazetteer gazetteer = TulaGazetteer.load(Path.of("nlp-models/gazetteer/municipalities.tsv"));
        List<NormalizedText> normalized = posts.stream().map(normalizer::normalize).toList();
        List<IndexedFeatures> features = normalized.stream()
                .map(n -> extractor.extract(n.folded(), models.featureIndex())).toList();

        Map<String, Consumer<Integer>> stages = new LinkedHashMap<>();
        stages.put("normalise", i -> normalizer.normalize(posts.get(i)));
        stages.put("language", i -> models.language().detect(normalized.get(i).clean()));
        stages.put("features", i -> extractor.extract(normalized.get(i).folded(), models.featureIndex()));
        stages.put("categorisers+explain", i -> models.categorizers().score(features.get(i)));
        stages.put("sentences+tokens", i -> models.entities().tokenize(normalized.get(i).clean()));
        stages.put("names (incl. tokens)", i -> models.entities().find(normalized.get(i).clean()));
        stages.put("rules", i -> rules.match(normalized.get(i).clean()));
        stages.put("gazetteer", i -> gazetteer.find(normalized.get(i).clean()));
        stages.put("whole analysis", i -> analyzer.analyze("p" + i, posts.get(i)));

        for (int pass = 0; pass < 2; pass++) {
            System.out.println(pass == 0 ? "warm-up" : "measured, ms per post:");
            stages.forEach((name, stage) -> {
                long t0 = System.nanoTime();
                for (int r = 0; r < ROUNDS; r++) {
                    stage.accept(r % posts.size());
                }
                System.out.printf("  %-22s %.4f%n", name, (System.nanoTime() - t0) / 1e6 / ROUNDS);
            });
        }
        // The Lucene Monitor behind the rules keeps a non-daemon cache-purge thread.
        System.exit(0);
    }
}
