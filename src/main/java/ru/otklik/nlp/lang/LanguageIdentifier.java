package ru.otklik.nlp.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import ru.otklik.nlp.ner.FastGisModel;

/**
 * Language of a post, as an ISO 639-1 code where one exists ("ru", "uk", "en"), else ISO 639-3, or
 * "und" when there is nothing to judge. Uses the Apache OpenNLP langdetect-183 model shipped in the
 * {@code opennlp-models-langdetect} jar (loaded from the class path, never downloaded). Thread-safe.
 *
 * <p>Why the Cyrillic guard: on short posts the 183-language model often confuses Russian with Ukrainian,
 * Belarusian, Bulgarian or Macedonian. A Cyrillic text with none of the letters specific to those
 * languages is taken as Russian, the overwhelmingly likely case in a Russian region's feeds.
 */
public final class LanguageIdentifier {

    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Enough text for a confident guess; longer posts only cost time. */
    private static final int MAX_CHARS = 400;
    private static final Map<String, String> ISO3_TO_1 = iso3To1();

    private final LanguageDetectorModel model;
    private final ThreadLocal<LanguageDetectorME> detector;

    public LanguageIdentifier() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("langdetect-183.bin missing from the class path "
                        + "(dependency org.apache.opennlp:opennlp-models-langdetect)");
            }
            // The same weights in FastGisModel's flat arrays (FastGisModelTest checks the probabilities agree):
            // OpenNLP's map of a Context object and two arrays per predicate held this model in 23 MB of heap.
            LanguageDetectorModel read = new LanguageDetectorModel(in);
            model = new LanguageDetectorModel(FastGisModel.of(read.getMaxentModel()), Map.of(), read.getFactory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    public String detect(String cleanText) {
        String text = cleanText.length() > MAX_CHARS ? cleanText.substring(0, MAX_CHARS) : cleanText;
        int letters = 0;
        int cyrillic = 0;
        boolean otherCyrillic = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                    cyrillic++;
                    otherCyrillic |= "іїєґўІЇЄҐЎђјљњћџЂЈЉЊЋЏѓќѕЃЌЅәөүұқңғһӘӨҮҰҚҢҒҺ".indexOf(c) >= 0;
                }
            }
        }
        if (letters == 0) {
            return "und";
        }
        if (cyrillic * 2 > letters && !otherCyrillic) {
            return "ru";
        }
        Language best = detector.get().predictLanguage(text);
        return ISO3_TO_1.getOrDefault(best.getLang(), best.getLang());
    }

    private static Map<String, String> iso3To1() {
        Map<String, String> m = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                m.put(new Locale(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code for this language
            }
        }
        // langdetect-183 uses a few macro-language codes of its own
        m.put("cmn", "zh");
        m.put("pes", "fa");
        m.put("zsm", "ms");
        return Map.copyOf(m);
    }
}
