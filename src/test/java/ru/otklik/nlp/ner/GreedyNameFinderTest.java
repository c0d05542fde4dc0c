package ru.otklik.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import ru.otklik.nlp.ModelsDir;
import ru.otklik.nlp.features.FeatureHash;
import ru.otklik.nlp.text.TextNormalizer;

class GreedyNameFinderTest {

    private static final String[] EXTRA = {
        "Глава Тулы Иван Петров обещал починить освещение в Пролетарском районе до 1 декабря 2026 г.",
        "ООО «УК Наш Дом» и МУП «Тулагорводоканал» не отвечают; пишите на info@tula.ru или в VK: vk.com/tula71!",
        // Names repeated in later sentences: the previous-map feature then holds their earlier outcome.
        "Губернатор Тульской области Алексей Дюмин посетил Новомосковск. Дюмин встретился с жителями Новомосковска. "
                + "Президент России Владимир Путин провёл совещание в Москве. Путин сказал, что Москва и Тула готовы.",
    };

    private static Path ner;
    /** Each post's sentences, tokenised by the shipped models. */
    private static List<List<String[]>> documents;

    @BeforeAll
    static void tokenisePosts() throws IOException {
        Path models = ModelsDir.resolve();
        ner = models.resolve("ner/ru-ner.bin");
        SentenceDetectorME sentences = new SentenceDetectorME(new SentenceModel(models.resolve("text/ru-sent.bin")));
        TokenizerME tokens = new TokenizerME(new TokenizerModel(models.resolve("text/ru-token.bin")));
        TextNormalizer normalizer = new TextNormalizer();
        List<String> posts = Stream.concat(
                Files.readAllLines(Path.of("src/test/resources/nlp/bench-posts.txt"), StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank()),
                Arrays.stream(EXTRA)).toList();
        documents = new ArrayList<>();
        for (String post : posts) {
            String clean = normalizer.normalize(post).clean();
            documents.add(Arrays.stream(sentences.sentDetect(clean)).map(tokens::tokenize).toList());
        }
    }

    @Test
    void theShippedModelGetsTheGreedyFinder() throws IOException {
        assertThat(FastModels.nameFinders(ner).get()).isInstanceOf(GreedyNameFinder.class);
    }

    @Test
    void predicatesHashLikeOpenNlpsStrings() throws IOException {
        TokenNameFinderModel model = new TokenNameFinderModel(ner);
        NameContextGenerator strings = model.getFactory().createContextGenerator();
        NameFinderME finder = new NameFinderME(model);
        HashedNameContext hashed = new HashedNameContext();
        long[] out = new long[HashedNameContext.MAX_PREDICATES];
        int compared = 0;
        for (List<String[]> document : documents) {
            Map<String, String> previous = new HashMap<>();
            for (String[] tokens : document) {
                // The outcomes the finder chose, so that every previous-outcome feature gets real values.
                String[] outcomes = new BioCodec().encode(finder.find(tokens), tokens.length);
                hashed.reset(tokens);
                for (int i = 0; i < tokens.length; i++) {
                    String[] expected = strings.getContext(i, tokens, Arrays.copyOf(outcomes, i), null);
                    int n = hashed.predicates(i, outcomes, previous, out);
                    assertThat(Arrays.copyOf(out, n)).as("token %d of %s", i, Arrays.toString(tokens))
                            .containsExactly(Arrays.stream(expected).mapToLong(FeatureHash::of).toArray());
                    compared++;
                }
                strings.updateAdaptiveData(tokens, outcomes);
                for (int i = 0; i < tokens.length; i++) {
                    previous.put(tokens[i], outcomes[i]);
                }
            }
            strings.clearAdaptiveData();
            finder.clearAdaptiveData();
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void findsTheSameSpansWithTheSameProbabilitiesAsOpenNlpsNameFinder() throws IOException {
        // OpenNLP's own finder and weights (StrictMath.exp), so the fast weights are checked too.
        NameFinderME reference = new NameFinderME(new TokenNameFinderModel(ner));
        GreedyNameFinder greedy = (GreedyNameFinder) FastModels.nameFinders(ner).get();
        int found = 0;
        for (List<String[]> document : documents) {
            for (String[] tokens : document) {
                Span[] expected = reference.find(tokens);
                Span[] actual = greedy.find(tokens);
                assertThat(actual).as(Arrays.toString(tokens)).containsExactly(expected);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i].getProb()).isCloseTo(expected[i].getProb(), within(1e-12));
                }
                found += expected.length;
            }
            reference.clearAdaptiveData();
            greedy.clearAdaptiveData();
        }
        assertThat(found).as("the posts name places, people and organisations").isGreaterThanOrEqualTo(10);
    }

    @Test
    void aModelWithAWiderBeamKeepsOpenNlpsFinder(@TempDir Path dir) throws IOException {
        List<NameSample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            samples.add(new NameSample(new String[] {"Жители", "Тулы", "жалуются", "на", "ямы"},
                    new Span[] {new Span(1, 2, "LOC")}, false));
            samples.add(new NameSample(new String[] {"Иван", "Петров", "починил", "фонарь"},
                    new Span[] {new Span(0, 2, "PER")}, false));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 0);
        params.put(TrainingParameters.ITERATIONS_PARAM, 20);
        params.put(BeamSearch.BEAM_SIZE_PARAMETER, 3);
        TokenNameFinderModel model = NameFinderME.train("ru", null, ObjectStreamUtils.createObjectStream(samples),
                params, new TokenNameFinderFactory());
        Path file = dir.resolve("beam3.bin");
        model.serialize(file);

        assertThat(FastModels.nameFinders(file).get()).isInstanceOf(NameFinderME.class);
        assertThat(FastModels.nameFinders(file).get().find(new String[] {"Жители", "Тулы", "жалуются"}))
                .containsExactly(new Span(1, 2, "LOC"));
    }
}
