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
    /**
     * A UUID, or a run of Latin letters and digits standing alone (see {@link #isId}); one that touches an
     * {@code @} is left to the mention and e-mail rules, one inside a link ({@link #URL}) to the link rule.
     */
    private static final Pattern ID_CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_@])(?:([0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})|[0-9a-zA-Z]{6,})"
                    + "(?![\\p{L}\\p{N}_@])");
    /** A run of at least this many hex digits, with both digits and letters, is an id. */
    private static final int MIN_HEX_ID = 8;
    /** A run of Latin letters and digits that switches between them this often is an id. */
    private static final int MIN_ID_SWITCHES = 3;

    /** Normalises one post; {@code null} counts as empty. */
    public NormalizedText normalize(String raw) {
        String clean = clean(raw == null ? "" : raw);
        return new NormalizedText(clean, fold(clean));
    }

    /** HTML and entity removal, ids dropped ({@link #dropIds}), whitespace clean-up; keeps case and word forms. */
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
        return collapseSpaces(dropIds(s));
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

    /**
     * Removes ids — UUIDs, hex runs such as {@code a3f9c2e1}, keys such as {@code k3j9x2q7} — from a text: they
     * mean nothing to any model, yet they moved the analysis. Their character n-grams and the length they add
     * to the TF-IDF norm moved the categorisers' scores, their Latin letters made the language identifier call
     * a short post Danish, and they changed what the name finder saw around the last words; so a random key
     * could flip a borderline decision. Words that carry digits stay: {@code club123} and {@code id4412} of VK
     * mentions (in the vocabularies), {@code covid19}, {@code gtx1060}, every Cyrillic «5а» or «а123вс71», every
     * number, date and phone number.
     */
    static String dropIds(String text) {
        if (!hasLatinLetterAndDigit(text)) {
            return text;
        }
        Matcher m = ID_CANDIDATE.matcher(text);
        Matcher link = URL.matcher(text);
        int linkEnd = -1;
        StringBuilder out = null;
        int tail = 0;
        while (m.find()) {
            // links are found lazily, in step with the candidates: most texts with an id have no link
            while (linkEnd <= m.start() && linkEnd != Integer.MAX_VALUE) {
                linkEnd = link.find() ? link.end() : Integer.MAX_VALUE;
            }
            boolean inLink = linkEnd != Integer.MAX_VALUE && link.start() < m.end();
            if (!inLink && (m.start(1) >= 0 || isId(text, m.start(), m.end()))) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, tail, m.start()).append(' ');
                tail = m.end();
            }
        }
        return out == null ? text : out.append(text, tail, text.length()).toString();
    }

    /** The only texts that can hold an id: most posts have no Latin letter, and this spares them the regex. */
    private static boolean hasLatinLetterAndDigit(String s) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < s.length() && !(letter && digit); i++) {
            char c = s.charAt(i);
            letter |= c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            digit |= c >= '0' && c <= '9';
        }
        return letter && digit;
    }

    /** A run of Latin letters and digits with both: hex of {@value #MIN_HEX_ID}+, or switching often. */
    private static boolean isId(String s, int from, int to) {
        boolean hex = true;
        boolean digit = false;
        boolean letter = false;
        int switches = 0;
        for (int i = from; i < to; i++) {
            char c = Character.toLowerCase(s.charAt(i));
            boolean d = c <= '9';
            if (i > from && d != s.charAt(i - 1) <= '9') {
                switches++;
            }
            digit |= d;
            letter |= !d;
            hex &= d || c <= 'f';
        }
        return digit && letter && (switches >= MIN_ID_SWITCHES || hex && to - from >= MIN_HEX_ID);
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
