package ru.otklik.nlp.ner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Sentence detection, tokenisation and LOC/ORG/PER name finding with our UD Taiga and NEREL models. The
 * models are shared; the OpenNLP tools holding per-call state are kept one per thread.
 */
public final class EntityFinder {

    /** Longer posts are cut: places and names are almost always in the first paragraphs. */
    private static final int MAX_CHARS = 3000;

    private final ThreadLocal<SentenceDetectorME> sentences;
    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<TokenNameFinder> names;

    public EntityFinder(Path sentenceModel, Path tokenModel, Path nerModel) throws IOException {
        SentenceModel sm = FastModels.sentences(new SentenceModel(sentenceModel));
        TokenizerModel tm = FastModels.tokens(new TokenizerModel(tokenModel));
        sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(sm));
        tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tm));
        names = ThreadLocal.withInitial(FastModels.nameFinders(nerModel));
    }

    /** Token spans of the cleaned text, sentence by sentence (offsets into the whole text). */
    public List<Span[]> tokenize(String clean) {
        String text = clean.length() > MAX_CHARS ? clean.substring(0, MAX_CHARS) : clean;
        List<Span[]> out = new ArrayList<>();
        for (Span s : sentences.get().sentPosDetect(text)) {
            out.add(tokens(text, s));
        }
        return out;
    }

    public List<Entity> find(String clean) {
        String text = clean.length() > MAX_CHARS ? clean.substring(0, MAX_CHARS) : clean;
        TokenNameFinder finder = names.get();
        List<Entity> out = new ArrayList<>();
        for (Span sentence : sentences.get().sentPosDetect(text)) {
            if (!hasInnerCapital(text, sentence)) {
                // Russian names are capitalised: a sentence without a capital past its first word has none
                // for the model to find, and skipping it saves tokenising it and running the name finder.
                continue;
            }
            Span[] tokens = tokens(text, sentence);
            String[] words = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                words[i] = tokens[i].getCoveredText(text).toString();
            }
            for (Span f : finder.find(words)) {
                int start = tokens[f.getStart()].getStart();
                int end = tokens[f.getEnd() - 1].getEnd();
                out.add(new Entity(text.substring(start, end), f.getType(), start, end, f.getProb()));
            }
        }
        finder.clearAdaptiveData();
        return out;
    }

    /** The sentence's tokens, as offsets into the whole text. */
    private Span[] tokens(String text, Span sentence) {
        Span[] tokens = tokenizer.get().tokenizePos(sentence.getCoveredText(text).toString());
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = new Span(tokens[i].getStart() + sentence.getStart(), tokens[i].getEnd() + sentence.getStart());
        }
        return tokens;
    }

    /** True when a word after the sentence's first one starts with a capital letter. */
    static boolean hasInnerCapital(String text, Span sentence) {
        int i = sentence.getStart();
        int end = sentence.getEnd();
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (i < end && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        for (; i < end; i++) {
            if (Character.isUpperCase(text.charAt(i)) && !Character.isLetterOrDigit(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }
}
