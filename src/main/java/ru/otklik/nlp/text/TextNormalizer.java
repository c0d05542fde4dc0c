package ru.otklik.nlp.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.parser.Parser;

/**
 * Normalises social-media and portal Russian. Stateless and thread-safe.
 *
 * <p>Why two outputs: named entities and places depend on case and exact word forms, while the categorisers
 * generalise better when spelling noise (ё/е, "оооочень", URLs, user names) is folded away.
 */
public final class TextNormalizer {

    /** Placeholder words: they survive Lucene analysis as ordinary tokens and become features. */
    public static final String URL_WORD = "ссылкаurl";
    public static final String MENTION_WORD = "упоминаниеuser";

    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)<\\s*(br|/p|p|/div|div|li|/li|tr|/tr|h[1-6]|/h[1-6])\\b[^>]*>");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!][^<>]{0,500}>");
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)[^\\s<>\"']+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:ru|рф|com|org|net|su)(?:/[^\\s<>\"']*)?");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}_.]{2,}");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_]+)");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
    private static final Pattern STRETCH = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern PUNCT_RUN = Pattern.compile("([!?.])\\1{2,}");

    /** Normalises one post; {@code null} counts as empty. */
    public NormalizedText normalize(String raw) {
        String clean = clean(raw == null ? "" : raw);
        return new NormalizedText(clean, fold(clean));
    }

    /** HTML and entity removal plus whitespace clean-up; keeps case and word forms. */
    public String clean(String raw) {
        String s = raw;
        if (s.indexOf('<') >= 0) {
            s = SCRIPT.matcher(s).replaceAll(" ");
            s = BLOCK_TAG.matcher(s).replaceAll("\n");
            s = TAG.matcher(s).replaceAll("");
        }
        if (s.indexOf('&') >= 0) {
            // Twice: portal exports are sometimes double-escaped ("&amp;nbsp;").
            s = Parser.unescapeEntities(Parser.unescapeEntities(s, false), false);
        }
        return collapseSpaces(s);
    }

    /** The categoriser view of already cleaned text. */
    public String fold(String clean) {
        String s = URL.matcher(clean).replaceAll(" " + URL_WORD + " ");
        if (s.indexOf('@') >= 0) {
            s = MENTION.matcher(s).replaceAll(" " + MENTION_WORD + " ");
        }
        s = openHashtags(s);
        s = s.toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (hasTripleRun(s)) {
            s = STRETCH.matcher(s).replaceAll("$1");
            s = PUNCT_RUN.matcher(s).replaceAll("$1$1$1");
        }
        return collapseSpaces(s);
    }

    /**
     * Runs of whitespace (no-break, zero-width and Unicode spaces included) become one space; the ends are
     * stripped. By hand rather than by regex: it runs twice on every post, and most posts need no change.
     */
    static String collapseSpaces(String s) {
        if (isCollapsed(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isCollapsed(String s) {
        int n = s.length();
        if (n > 0 && (isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1)))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || isSpace(s.charAt(i - 1)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** Any character three times in a row: the only texts the stretch and punctuation rules can change. */
    private static boolean hasTripleRun(String s) {
        for (int i = 2; i < s.length(); i++) {
            if (s.charAt(i) == s.charAt(i - 1) && s.charAt(i) == s.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    /** "#ЯмыНаДорогах" → "ямы на дорогах": the words of a hashtag carry its meaning. */
    private static String openHashtags(String s) {
        if (s.indexOf('#') < 0) {
            return s;
        }
        Matcher m = HASHTAG.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String words = CAMEL.matcher(m.group(1)).replaceAll(" ").replace('_', ' ');
            m.appendReplacement(out, Matcher.quoteReplacement(" " + words + " "));
        }
        m.appendTail(out);
        return out.toString();
    }
}
