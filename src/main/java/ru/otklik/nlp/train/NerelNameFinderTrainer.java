package ru.otklik.nlp.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderEvaluator;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the LOC/ORG/PER name finder on NEREL (brat standoff): the outermost spans of the mapped types,
 * aligned to our own sentence detector and tokenizer so training and analysis tokenise alike.
 */
public final class NerelNameFinderTrainer {

    public static final String MODEL = "ru-ner.bin";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("PERSON", "PER"), Map.entry("ORGANIZATION", "ORG"),
            Map.entry("CITY", "LOC"), Map.entry("DISTRICT", "LOC"), Map.entry("STATE_OR_PROVINCE", "LOC"),
            Map.entry("LOCATION", "LOC"), Map.entry("COUNTRY", "LOC"), Map.entry("FACILITY", "LOC"));

    static final int BEAM_SIZE = 1;

    private final PrintStream progress;

    public NerelNameFinderTrainer(PrintStream progress) {
        this.progress = progress;
    }

    public void trainAndSave(Path nerelDir, Path textModels, Path out) throws IOException {
        Files.createDirectories(out);
        SentenceDetectorME sentences = new SentenceDetectorME(
                new SentenceModel(textModels.resolve(UdTextModelTrainer.SENT_MODEL)));
        TokenizerME tokenizer = new TokenizerME(new TokenizerModel(textModels.resolve(UdTextModelTrainer.TOKEN_MODEL)));
        List<NameSample> train = samples(nerelDir.resolve("train"), sentences, tokenizer);
        List<NameSample> dev = samples(nerelDir.resolve("dev"), sentences, tokenizer);
        progress.printf("[ner] NEREL: %d train, %d dev sentences%n", train.size(), dev.size());
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 2);
        params.put(TrainingParameters.ITERATIONS_PARAM, 250);
        // Greedy decoding: the default beam of 3 triples the name finder's cost per token, the largest
        // single cost of a post's analysis, for a small change in dev F1 (see docs/nlp.md).
        params.put(BeamSearch.BEAM_SIZE_PARAMETER, BEAM_SIZE);
        TokenNameFinderModel model = NameFinderME.train("ru", null, ObjectStreamUtils.createObjectStream(train),
                params, new TokenNameFinderFactory());
        TokenNameFinderEvaluator eval = new TokenNameFinderEvaluator(new NameFinderME(model));
        eval.evaluate(ObjectStreamUtils.createObjectStream(dev));
        try (var os = Files.newOutputStream(out.resolve(MODEL))) {
            model.serialize(os);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("version", "ner-" + java.time.LocalDate.now().toString().replace("-", ""));
        meta.put("sources", List.of("nerel/NEREL-v1.1/train (train)", "nerel/NEREL-v1.1/dev (dev)"));
        meta.put("types", "PER←PERSON, ORG←ORGANIZATION, LOC←CITY+DISTRICT+STATE_OR_PROVINCE+LOCATION+COUNTRY+FACILITY");
        meta.put("params", Map.of("algorithm", "MAXENT (GIS)", "cutoff", 2, "iterations", 250, "beamSize", BEAM_SIZE));
        meta.put("devF1", eval.getFMeasure().getFMeasure());
        meta.put("devPrecision", eval.getFMeasure().getPrecisionScore());
        meta.put("devRecall", eval.getFMeasure().getRecallScore());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("meta.json").toFile(), meta);
        progress.printf("[ner] NEREL dev F1 %.4f (P %.4f, R %.4f)%n", eval.getFMeasure().getFMeasure(),
                eval.getFMeasure().getPrecisionScore(), eval.getFMeasure().getRecallScore());
    }

    private static List<NameSample> samples(Path dir, SentenceDetectorME sd, TokenizerME tok) throws IOException {
        List<Path> texts;
        try (Stream<Path> s = Files.list(dir)) {
            texts = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<NameSample> out = new ArrayList<>();
        for (Path txt : texts) {
            Path ann = Path.of(txt.toString().replaceAll("\\.txt$", ".ann"));
            if (!Files.exists(ann)) {
                continue;
            }
            String text = Files.readString(txt, StandardCharsets.UTF_8);
            List<Span> entities = outermost(readEntities(ann));
            boolean first = true;
            for (Span sentence : sd.sentPosDetect(text)) {
                Span[] tokens = tok.tokenizePos(sentence.getCoveredText(text).toString());
                String[] words = new String[tokens.length];
                for (int i = 0; i < tokens.length; i++) {
                    tokens[i] = new Span(tokens[i].getStart() + sentence.getStart(), tokens[i].getEnd() + sentence.getStart());
                    words[i] = tokens[i].getCoveredText(text).toString();
                }
                List<Span> names = new ArrayList<>();
                for (Span e : entities) {
                    if (e.getStart() >= sentence.getStart() && e.getEnd() <= sentence.getEnd()) {
                        Span aligned = align(e, tokens);
                        if (aligned != null) {
                            names.add(aligned);
                        }
                    }
                }
                if (words.length > 0) {
                    out.add(new NameSample(words, names.toArray(new Span[0]), first));
                    first = false;
                }
            }
        }
        return out;
    }

    private static Span align(Span entity, Span[] tokens) {
        int start = -1;
        int end = -1;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].getStart() == entity.getStart()) {
                start = i;
            }
            if (tokens[i].getEnd() == entity.getEnd()) {
                end = i + 1;
            }
        }
        return start >= 0 && end > start ? new Span(start, end, entity.getType()) : null;
    }

    private static List<Span> readEntities(Path ann) throws IOException {
        List<Span> out = new ArrayList<>();
        for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
            if (!line.startsWith("T")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 2) {
                continue;
            }
            String[] typeAndOffsets = f[1].split(" ");
            String type = TYPES.get(typeAndOffsets[0]);
            if (type == null || f[1].contains(";") || typeAndOffsets.length != 3) {
                continue;
            }
            out.add(new Span(Integer.parseInt(typeAndOffsets[1]), Integer.parseInt(typeAndOffsets[2]), type));
        }
        return out;
    }

    /** Nested entities are common in NEREL; OpenNLP needs flat spans, so the outermost ones win. */
    private static List<Span> outermost(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::getStart).thenComparing(Comparator.comparingInt(Span::getEnd).reversed()));
        List<Span> out = new ArrayList<>();
        int coveredUntil = -1;
        for (Span s : sorted) {
            if (s.getStart() >= coveredUntil) {
                out.add(s);
                coveredUntil = s.getEnd();
            }
        }
        return out;
    }
}
