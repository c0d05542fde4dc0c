package ru.otklik.nlp.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import opennlp.tools.sentdetect.SentenceDetectorEvaluator;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.SentenceSample;
import opennlp.tools.tokenize.TokenSample;
import opennlp.tools.tokenize.TokenizerEvaluator;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the OpenNLP sentence detector and tokenizer on UD Russian-Taiga v2.7 train (half of it social
 * media) and evaluates them on its v2.7 test file.
 */
public final class UdTextModelTrainer {

    public static final String TOKEN_MODEL = "ru-token.bin";
    public static final String SENT_MODEL = "ru-sent.bin";
    /** Sentences are grouped into pseudo-documents so the detector sees sentence ends inside running text. */
    private static final int SENTENCES_PER_DOC = 8;

    private final PrintStream progress;

    /**
     * A whitespace-separated run of letters and digits is one token without asking the model. OpenNLP's
     * default pattern is Latin-only, so every Cyrillic word was split character by character (a model call
     * per character), a tenth of the whole analysis of a post.
     */
    static final Pattern WORD = Pattern.compile("^[\\p{L}\\p{Nd}]+$");

    public UdTextModelTrainer(PrintStream progress) {
        this.progress = progress;
    }

    public void trainAndSave(Path taigaDir, Path out) throws IOException {
        Files.createDirectories(out);
        List<Conllu.Sentence> train = Conllu.read(taigaDir.resolve("ru_taiga-ud-train.conllu"));
        List<Conllu.Sentence> test = Conllu.read(taigaDir.resolve("ru_taiga-ud-test.conllu"));
        progress.printf("[text] UD Taiga v2.7: %d train, %d test sentences%n", train.size(), test.size());
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 2);
        params.put(TrainingParameters.ITERATIONS_PARAM, 150);

        TokenizerModel tok = TokenizerME.train(ObjectStreamUtils.createObjectStream(tokenSamples(train)),
                new TokenizerFactory("ru", null, true, WORD), params);
        TokenizerEvaluator tokEval = new TokenizerEvaluator(new TokenizerME(tok));
        tokEval.evaluate(ObjectStreamUtils.createObjectStream(tokenSamples(test)));
        try (var os = Files.newOutputStream(out.resolve(TOKEN_MODEL))) {
            tok.serialize(os);
        }
        SentenceModel sent = SentenceDetectorME.train("ru",
                ObjectStreamUtils.createObjectStream(sentenceSamples(train)),
                new SentenceDetectorFactory("ru", true, null, null), params);
        SentenceDetectorEvaluator sentEval = new SentenceDetectorEvaluator(new SentenceDetectorME(sent));
        sentEval.evaluate(ObjectStreamUtils.createObjectStream(sentenceSamples(test)));
        try (var os = Files.newOutputStream(out.resolve(SENT_MODEL))) {
            sent.serialize(os);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("version", "text-" + java.time.LocalDate.now().toString().replace("-", ""));
        meta.put("sources", List.of("ud-russian-taiga/v2.7/ru_taiga-ud-train.conllu (train)",
                "ud-russian-taiga/v2.7/ru_taiga-ud-test.conllu (test)"));
        meta.put("params", Map.of("algorithm", "MAXENT (GIS)", "cutoff", 2, "iterations", 150,
                "sentencesPerDocument", SENTENCES_PER_DOC, "alphaNumericPattern", WORD.pattern()));
        meta.put("tokenizerF1", tokEval.getFMeasure().getFMeasure());
        meta.put("tokenizerPrecision", tokEval.getFMeasure().getPrecisionScore());
        meta.put("tokenizerRecall", tokEval.getFMeasure().getRecallScore());
        meta.put("sentenceF1", sentEval.getFMeasure().getFMeasure());
        meta.put("sentencePrecision", sentEval.getFMeasure().getPrecisionScore());
        meta.put("sentenceRecall", sentEval.getFMeasure().getRecallScore());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("meta.json").toFile(), meta);
        progress.printf("[text] tokenizer F1 %.4f, sentence detector F1 %.4f on Taiga v2.7 test%n",
                tokEval.getFMeasure().getFMeasure(), sentEval.getFMeasure().getFMeasure());
    }

    static List<TokenSample> tokenSamples(List<Conllu.Sentence> sentences) {
        List<TokenSample> out = new ArrayList<>(sentences.size());
        for (Conllu.Sentence s : sentences) {
            out.add(new TokenSample(s.text(), s.tokens()));
        }
        return out;
    }

    static List<SentenceSample> sentenceSamples(List<Conllu.Sentence> sentences) {
        List<SentenceSample> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += SENTENCES_PER_DOC) {
            StringBuilder doc = new StringBuilder();
            List<Span> spans = new ArrayList<>();
            for (Conllu.Sentence s : sentences.subList(i, Math.min(sentences.size(), i + SENTENCES_PER_DOC))) {
                if (doc.length() > 0) {
                    doc.append(' ');
                }
                int start = doc.length();
                doc.append(s.text().strip());
                spans.add(new Span(start, doc.length()));
            }
            out.add(new SentenceSample(doc, spans.toArray(new Span[0])));
        }
        return out;
    }
}
