package ru.otklik.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import ru.otklik.nlp.ModelsDir;

class FastGisModelTest {

    private static final List<String> TEXTS = List.of(
            "Добрый день! На ул. Пролетарской в г. Туле третий месяц не вывозят мусор, УК «Наш дом» не отвечает.",
            "Жители Новомосковска просят администрацию Щёкинского района отремонтировать мост через р. Упу.",
            "Глава Тулы Иван Петров обещал починить освещение в Пролетарском районе до 1 декабря 2026 г.");

    @Test
    void aToyModelGivesTheSameProbabilitiesAsOpenNlp() {
        Context[] params = {
            new Context(new int[] {0, 1}, new double[] {1.5, -0.5}),
            new Context(new int[] {2}, new double[] {3.25}),
            new Context(new int[] {0, 2}, new double[] {-2.0, 0.75}),
        };
        GISModel gis = new GISModel(params, new String[] {"a", "b", "c"}, new String[] {"x", "y", "z"});
        MaxentModel fast = FastGisModel.of(gis);

        for (String[] context : List.of(new String[] {"a"}, new String[] {"a", "b", "c"}, new String[] {"c", "unknown"},
                new String[] {})) {
            assertClose(fast.eval(context), gis.eval(context));
        }
        float[] values = {0.5f, 2f};
        assertClose(fast.eval(new String[] {"a", "c"}, values), gis.eval(new String[] {"a", "c"}, values));
        assertThat(fast.getBestOutcome(fast.eval(new String[] {"b"}))).isEqualTo("z");
    }

    @Test
    void shippedTextAndNameModelsFindTheSameSpansWithTheSameProbabilities() throws IOException {
        Path models = ModelsDir.resolve();
        SentenceModel sm = new SentenceModel(models.resolve("text/ru-sent.bin"));
        TokenizerModel tm = new TokenizerModel(models.resolve("text/ru-token.bin"));
        Path ner = models.resolve("ner/ru-ner.bin");
        SentenceDetectorME sentences = new SentenceDetectorME(sm);
        SentenceDetectorME fastSentences = new SentenceDetectorME(FastModels.sentences(sm));
        TokenizerME tokens = new TokenizerME(tm);
        TokenizerME fastTokens = new TokenizerME(FastModels.tokens(tm));
        NameFinderME names = new NameFinderME(new TokenNameFinderModel(ner));
        TokenNameFinder fastNames = FastModels.nameFinders(ner).get();

        int found = 0;
        for (String text : TEXTS) {
            assertThat(fastSentences.sentPosDetect(text)).containsExactly(sentences.sentPosDetect(text));
            assertClose(fastSentences.getSentenceProbabilities(), sentences.getSentenceProbabilities());
            String[] words = tokens.tokenize(text);
            assertThat(fastTokens.tokenize(text)).containsExactly(words);
            assertClose(fastTokens.getTokenProbabilities(), tokens.getTokenProbabilities());
            Span[] expected = names.find(words);
            Span[] actual = fastNames.find(words);
            assertThat(actual).containsExactly(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i].getProb()).isCloseTo(expected[i].getProb(), within(1e-12));
            }
            found += expected.length;
        }
        assertThat(found).as("the sentences name places, people and organisations").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theLanguageModelRanksEveryLanguageWithTheSameProbabilities() throws IOException {
        LanguageDetectorModel original;
        try (InputStream in = FastGisModelTest.class.getResourceAsStream("/langdetect-183.bin")) {
            original = new LanguageDetectorModel(in);
        }
        LanguageDetectorME slow = new LanguageDetectorME(original);
        LanguageDetectorME fast = new LanguageDetectorME(new LanguageDetectorModel(
                FastGisModel.of(original.getMaxentModel()), Map.of(), original.getFactory()));
        List<String> texts = List.of(TEXTS.get(0), "The road to the school has not been repaired for two years.",
                "У Києві третій день немає гарячої води, просимо допомогти.",
                "Die Straße vor der Schule wird seit zwei Jahren nicht repariert.",
                "Vo dvore ne vyvozyat musor uzhe nedelyu, pomogite pozhaluysta");
        for (String text : texts) {
            Language[] expected = slow.predictLanguages(text);
            Language[] actual = fast.predictLanguages(text);
            assertThat(actual).hasSameSizeAs(expected);
            assertThat(expected.length).as("every language the model ranks").isGreaterThan(100);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i].getLang()).isEqualTo(expected[i].getLang());
                assertThat(actual[i].getConfidence()).isCloseTo(expected[i].getConfidence(), within(1e-12));
            }
        }
        assertThat(fast.predictLanguage(texts.get(1)).getLang()).isEqualTo("eng");
        assertThat(fast.predictLanguage(texts.get(2)).getLang()).isEqualTo("ukr");
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-12));
        }
    }
}
