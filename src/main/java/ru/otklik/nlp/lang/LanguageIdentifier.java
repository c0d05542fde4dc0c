package ru.otklik.nlp.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import ru.otklik.nlp.ner.FastGisModel;
import ru.otklik.nlp.text.SocialMarkup;

/**
 * Language of a post, as an ISO 639-1 code where one exists ("ru", "uk", "en"), else ISO 639-3, or
 * "und" when there is nothing to judge. Uses the Apache OpenNLP langdetect-183 model shipped in the
 * {@code opennlp-models-langdetect} jar (loaded from the class path, never downloaded). Thread-safe.
 *
 * <p>Why rules before the model: in a Russian region a Cyrillic post is Russian unless there is strong
 * evidence otherwise, and on short posts, posts in capitals and posts that are mostly @mentions and links
 * the 183-language model says Chechen, Bulgarian, Mongolian or Kyrgyz for ordinary Russian (18 % of real
 * Russian tweets were lost that way). So links, @mentions, VK mention ids and hashtags are removed first:
 * they are not evidence (a fandom tag such as #FateGrandOrder or #MONSTAX_FANTASIA says nothing of the
 * language the tweet is written in, yet its Latin letters outnumbered «я сдох»). Nor is a letter of another
 * script standing alone between non-letters: kaomoji are built of them («ԅ(≖‿≖ԅ)», «(͡° ͜ʖ ͡°)»,
 * «¯\_(ツ)_/¯»), while a one-letter word of the Cyrillic or Latin alphabets («я», «і», «I») is a word. A text
 * with something in it but no letter left is the region's language,
 * Russian: a photo link with emoji is a resident's post like any other. A Cyrillic text is Russian unless
 * it has enough letters to tell ({@value #ENOUGH_LETTERS} Cyrillic letters or more: «Њет.» or
 * «Пісюна вам!» is a Russian writer's joke as often as not) and
 * <ul>
 *   <li>the letters of the neighbours' alphabets, Ukrainian and Belarusian (і ї є ґ ў, the ones issue 17
 *       names), make up at least {@value #OTHER_ALPHABET_PERCENT} % of its Cyrillic letters: then the model
 *       names the language;</li>
 *   <li>or it is a long text ({@value #LONG_TEXT}+ Cyrillic letters) and the model is confident — its best
 *       language scores at least twice Russian's score — and the text has either letters of the other Cyrillic
 *       alphabets (Serbian and Macedonian ј љ њ ђ ћ џ ѓ ќ ѕ; Kazakh, Kyrgyz, Tatar, Bashkir, Mongolian, Tajik,
 *       Uzbek, Yakut ә ө ү ұ қ ң ғ һ …) at that share, or none of ы э ё and a Bulgarian hint (a ъ that
 *       Russian spelling never writes, the words «е», «ще», «това», «са»).</li>
 * </ul>
 * Why the far alphabets need a long text: a short post in them is rare in a Russian region's feeds, and a post
 * wrongly called Russian is only analysed (nothing is found in it), while a Russian post wrongly called
 * foreign is never analysed. On RuSentiTweet's dev split the short Mongolian and Uzbek replies are the price
 * (docs/nlp.md, «Language»).
 * The model runs only for those texts and for texts with more Latin than Cyrillic letters, so ordinary
 * Russian posts never pay for it (a call costs about a millisecond).
 */
public final class LanguageIdentifier {

    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Enough text for a confident guess; longer posts only cost time. */
    private static final int MAX_CHARS = 400;
    static final int OTHER_ALPHABET_PERCENT = 3;
    static final int LONG_TEXT = 60;
    /** Fewer Cyrillic letters than this are too few to outweigh the region's prior for Russian. */
    static final int ENOUGH_LETTERS = 10;
    /** Lower-case letters of the Ukrainian and Belarusian alphabets that Russian's lacks. */
    private static final String NEIGHBOUR_ALPHABETS = "іїєґў";
    /** Lower-case letters of the other Cyrillic alphabets: South Slavic, Central Asian, Mongolian, Caucasian. */
    private static final String FAR_ALPHABETS = "ђјљњћџѓќѕәөүұқңғһҗҙҡҫӣӯҳҷҕҥӏ";
    /** Letters Russian has and Bulgarian, Ukrainian, Serbian and Macedonian lack. */
    private static final String RUSSIAN_ONLY = "ыэё";
    /** Links, @mentions, hashtags and VK mention ids; a VK mention's name stays, it is the writer's words. */
    private static final Pattern NOT_EVIDENCE = Pattern.compile(SocialMarkup.linkRegex()
            + "|" + SocialMarkup.handleRegex() + "|" + SocialMarkup.vkMentionIdRegex());
    /** ъ before a consonant, at a word end or as a vowel, or a Bulgarian function word. */
    private static final Pattern BULGARIAN_HINT = Pattern.compile(
            "(?iu)ъ(?![еёюя])|(?<!\\p{L})(?:е|ще|това|са)(?!\\p{L})");
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
        if (cleanText.isBlank()) {
            return "und";
        }
        String text = evidence(cleanText);
        Letters n = Letters.of(text);
        if (n.all() == 0) {
            return "ru";
        }
        if (n.cyrillic() == 0 || n.cyrillic() < n.all() - n.cyrillic()) {
            return code(detector.get().predictLanguage(text).getLang());
        }
        if (n.cyrillic() < ENOUGH_LETTERS) {
            return "ru";
        }
        if (n.neighbourAlphabet() * 100 >= n.cyrillic() * OTHER_ALPHABET_PERCENT) {
            return code(detector.get().predictLanguage(text).getLang());
        }
        boolean farAlphabet = n.farAlphabet() * 100 >= n.cyrillic() * OTHER_ALPHABET_PERCENT;
        boolean bulgarian = n.russianOnly() == 0 && BULGARIAN_HINT.matcher(text).find();
        if (n.cyrillic() >= LONG_TEXT && (farAlphabet || bulgarian)) {
            return confidentlyNotRussian(text);
        }
        return "ru";
    }

    /** The text without what is not evidence of its language: links, @mentions, VK mention ids, hashtags. */
    private static String evidence(String cleanText) {
        String text = cleanText.length() > MAX_CHARS ? cleanText.substring(0, MAX_CHARS) : cleanText;
        if (text.indexOf('@') < 0 && text.indexOf('/') < 0 && text.indexOf('[') < 0 && text.indexOf('#') < 0) {
            return text;
        }
        return NOT_EVIDENCE.matcher(text).replaceAll(" ");
    }

    private String confidentlyNotRussian(String text) {
        Language[] ranked = detector.get().predictLanguages(text);
        double russian = 0;
        for (Language l : ranked) {
            if (l.getLang().equals("rus")) {
                russian = l.getConfidence();
                break;
            }
        }
        return ranked[0].getConfidence() >= 2 * russian ? code(ranked[0].getLang()) : "ru";
    }

    private static String code(String iso3) {
        return ISO3_TO_1.getOrDefault(iso3, iso3);
    }

    /**
     * Letter counts of a text: all letters, Cyrillic ones, and those of the neighbours' or far alphabets or
     * Russian only. A lone letter of another script than Cyrillic or basic Latin is a kaomoji's part, not a
     * word, and does not count.
     */
    private record Letters(int all, int cyrillic, int neighbourAlphabet, int farAlphabet, int russianOnly) {

        static Letters of(String text) {
            int all = 0;
            int cyrillic = 0;
            int neighbour = 0;
            int far = 0;
            int russianOnly = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!Character.isLetter(c) || !isWordLetter(text, i)) {
                    continue;
                }
                all++;
                if (c >= '\u0400' && c <= '\u04FF') {
                    cyrillic++;
                    char lower = Character.toLowerCase(c);
                    if (NEIGHBOUR_ALPHABETS.indexOf(lower) >= 0) {
                        neighbour++;
                    } else if (FAR_ALPHABETS.indexOf(lower) >= 0) {
                        far++;
                    } else if (RUSSIAN_ONLY.indexOf(lower) >= 0) {
                        russianOnly++;
                    }
                }
            }
            return new Letters(all, cyrillic, neighbour, far, russianOnly);
        }

        private static boolean isWordLetter(String text, int i) {
            char c = text.charAt(i);
            return c >= '\u0400' && c <= '\u04FF' || c < 128
                    || i > 0 && Character.isLetter(text.charAt(i - 1))
                    || i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
        }
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
