package ru.otklik.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.data.SharedDatasets;
import ru.otklik.nlp.features.FeatureExtractor;
import ru.otklik.nlp.features.IndexedFeatures;
import ru.otklik.nlp.text.TextNormalizer;

/**
 * An id in a text (a source key, a UUID, a hex key) carries no meaning, so it must not move any model's score:
 * with it appended, a real text keeps the very same features — hence every probability — and the same analysis.
 * The written rows of {@code labelled/} run on a fresh clone; the Kursk appeals need {@code ../shared/datasets}.
 */
class IdsInTextTest {

    private static final Path DATASETS = Path.of(System.getProperty("otklik.shared", "../shared"), "datasets");
    /** Every how many written labelled texts one is read: one in 16 (about 600) still meets every labeller's style. */
    private static final int EVERY = 16;
    /** The first Kursk appeals: enough to meet their HTML, addresses, phone numbers and dates. */
    private static final int KURSK_TEXTS = 300;

    private final TextAnalyzer analyzer = SharedAnalyzer.get();
    private final TextNormalizer normalizer = new TextNormalizer();
    private final FeatureExtractor extractor = new FeatureExtractor();
    // seeded: the ids differ from text to text but not from run to run
    private final Random random = new Random(20261205);

    @Test
    void aRandomIdChangesNothingInTheAnalysisOfTheLabelledPosts() throws Exception {
        List<LabelledPosts.Post> posts = new LabelledPosts(Optional.empty()).read(Path.of("labelled")).posts();
        List<String> texts = IntStream.range(0, posts.size()).filter(i -> i % EVERY == 0)
                .mapToObj(i -> posts.get(i).text()).toList();
        assertThat(texts).hasSizeGreaterThan(400);
        assertIdsChangeNothing(texts);
    }

    @Test
    void aRandomIdChangesNothingInTheAnalysisOfKurskAppeals() throws Exception {
        SharedDatasets data = new SharedDatasets(DATASETS);
        assumeTrue(Files.isRegularFile(data.kurskFile()), "needs ../shared/datasets/kursk-citizen-appeals");
        List<String> texts = data.kursk("Категория").stream().limit(KURSK_TEXTS).map(LabeledText::text).toList();
        assertThat(texts).hasSize(KURSK_TEXTS);
        assertIdsChangeNothing(texts);
    }

    /**
     * For each text: a UUID or a 32-digit hex key appended leaves the features and the analysis as they were
     * without it; and a test's source key ({@code flow-<uuid>}) gives the same analysis whatever its UUID.
     */
    private void assertIdsChangeNothing(List<String> texts) {
        List<String> changed = new ArrayList<>();
        for (String text : texts) {
            PostAnalysis plain = analyzer.analyze("p", text);
            String uuid = uuid().toString();
            String hex = uuid().toString().replace("-", "");
            for (String withId : List.of(text + " " + uuid, text + " " + hex)) {
                if (!features(withId).equals(features(text)) || !analyzer.analyze("p", withId).equals(plain)) {
                    changed.add(withId);
                }
            }
            PostAnalysis keyed = analyzer.analyze("p", text + " flow-" + uuid);
            if (!analyzer.analyze("p", text + " flow-" + uuid()).equals(keyed)) {
                changed.add(text + " flow-" + uuid);
            }
        }
        assertThat(changed).isEmpty();
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private List<String> features(String text) {
        IndexedFeatures f = extractor.extract(normalizer.normalize(text).folded(), analyzer.models().featureIndex());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < f.ids().length; i++) {
            out.add(f.ids()[i] + ":" + f.counts()[i]);
        }
        return out;
    }
}
