package ru.otklik.nlp.eval;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.SharedDatasets;
import ru.otklik.nlp.data.Split;
import ru.otklik.nlp.lang.LanguageIdentifier;
import ru.otklik.nlp.text.TextNormalizer;

/**
 * How much of the RuSentiTweet dev split the language identifier keeps as Russian: every post it calls
 * another language is never analysed, so in a Russian region this is a recall ceiling.
 *
 * <p>Two shares, because the corpus holds a few dozen tweets in other languages (Mongolian, Uzbek, Kyrgyz,
 * Ukrainian…) that no identifier should call Russian: {@code all} is every dev tweet with a Cyrillic or
 * Latin letter; {@code judged} leaves out the tweets RuSentiTweet's annotators marked {@code skip}, the class
 * where the corpus puts what they could not read, and which holds all but one of the foreign-language tweets.
 *
 * @param all         every dev tweet with a letter
 * @param judged      the dev tweets with a sentiment label other than {@code skip}
 * @param missesByLanguage the language given to each tweet not called Russian, counted
 */
public record RussianCoverage(Share all, Share judged, Map<String, Integer> missesByLanguage) {

    /** {@code russian} of {@code tweets} detected as "ru". */
    public record Share(int russian, int tweets) {

        public double fraction() {
            return tweets == 0 ? 0 : (double) russian / tweets;
        }
    }

    public static RussianCoverage onRuSentiTweetDev(SharedDatasets data, LanguageIdentifier identifier)
            throws IOException {
        return of(data.ruSentiTweet().stream().filter(t -> Split.isDev(t.id())).toList(), identifier);
    }

    public static RussianCoverage of(List<LabeledText> tweets, LanguageIdentifier identifier) {
        TextNormalizer normalizer = new TextNormalizer();
        int all = 0;
        int allRu = 0;
        int judged = 0;
        int judgedRu = 0;
        Map<String, Integer> misses = new TreeMap<>();
        for (LabeledText t : tweets) {
            if (!hasCyrillicOrLatinLetter(t.text())) {
                continue;
            }
            String language = identifier.detect(normalizer.clean(t.text()));
            boolean ru = language.equals("ru");
            boolean isJudged = !t.label().equals("skip");
            all++;
            judged += isJudged ? 1 : 0;
            if (ru) {
                allRu++;
                judgedRu += isJudged ? 1 : 0;
            } else {
                misses.merge(language, 1, Integer::sum);
            }
        }
        return new RussianCoverage(new Share(allRu, all), new Share(judgedRu, judged), misses);
    }

    public List<String> toMarkdown() {
        return List.of("## Language: RuSentiTweet dev split detected as Russian", "",
                "| tweets | detected `ru` | share |", "|---|---:|---:|",
                row("all with a Cyrillic or Latin letter", all),
                row("with a sentiment label (annotators' `skip` left out)", judged), "",
                "Tweets given another language, by language: " + missesByLanguage
                        + " (how many of them are really not Russian: docs/nlp.md, «Language»).", "");
    }

    private static String row(String what, Share s) {
        return String.format(Locale.ROOT, "| %s | %d of %d | %.2f %% |", what, s.russian(), s.tweets(),
                100 * s.fraction());
    }

    private static boolean hasCyrillicOrLatinLetter(String text) {
        return text.codePoints().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= 0x0400 && c <= 0x04FF));
    }
}
