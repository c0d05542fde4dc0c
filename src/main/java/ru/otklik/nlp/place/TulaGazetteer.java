package ru.otklik.nlp.place;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import ru.otklik.common.TsvFile;
import ru.otklik.common.Votes;
import ru.otklik.nlp.rules.RuleAnalyzer;

/**
 * Finds the region's municipalities, district centres and towns in a text, in any grammatical case: names
 * and text are compared as sequences of Russian stems ("в Новомосковске", "Щёкинского района").
 *
 * <p>Several town names share their stem with common words and streets (Тёплое/тепло, Чернь/чёрный,
 * Советск/Советская): such a one-word name counts only capitalised inside a sentence, and only in its own case
 * forms. Any other one-word name counts capitalised anywhere, so the header residents open a post with ("Тула,
 * Оружейная, у 16 дома…") is a place too.
 */
public final class TulaGazetteer {

    private static final int MAX_NAME_TOKENS = 4;
    private static final List<String> CASE_ENDINGS = List.of("а", "у", "е", "ом", "ым", "и");
    /** Stems (RuleAnalyzer) of street-type words: улица, ул., проспект, переулок, площадь, шоссе, бульвар… */
    private static final java.util.Set<String> STREET_WORDS = java.util.Set.of("улиц", "ул", "проспект", "пр",
            "переулок", "пер", "площад", "пл", "шосс", "бульвар", "проезд", "мкр", "микрорайон", "набережн");
    /** Stems of what may stand before a lower-case town: locative prepositions and «г.» / «город». */
    private static final java.util.Set<String> PLACE_MARKERS = java.util.Set.of("в", "во", "из", "под", "до",
            "около", "возл", "г", "город");
    /** Town stems that are also everyday words: тепло, чёрный, липкий, советский, узловой, донской. */
    private static final java.util.Set<String> COMMON_WORD_STEMS = java.util.Set.of("тепл", "черн", "липк",
            "советск", "узлов", "донск", "ленинск", "славн", "каменск");

    private final Map<String, Municipality> municipalities;
    private final Map<String, String> byStems;
    /**
     * The case forms (lower case, ё→е) of the one-word names whose stem is an everyday word's: the stem is
     * shared with streets and adjectives ("на Советской" has Советск's stem), so only the town's own forms count.
     */
    private final java.util.Set<String> ambiguousNameForms;
    /** First stems of the names of several words: only a token with one of them can start such a name. */
    private final java.util.Set<String> multiWordStarts;
    private final Analyzer analyzer = new RuleAnalyzer();

    private TulaGazetteer(Map<String, Municipality> municipalities, Map<String, String> byStems,
                          java.util.Set<String> ambiguousNameForms) {
        this.municipalities = municipalities;
        this.byStems = byStems;
        this.ambiguousNameForms = ambiguousNameForms;
        this.multiWordStarts = byStems.keySet().stream().filter(k -> k.indexOf(' ') > 0)
                .map(k -> k.substring(0, k.indexOf(' '))).collect(Collectors.toUnmodifiableSet());
    }

    /** Loads {@code code, name, kind, center, towns (;-separated)} rows. */
    public static TulaGazetteer load(Path file) {
        Map<String, Municipality> municipalities = new LinkedHashMap<>();
        for (TsvFile.Row row : TsvFile.read(file, 4)) {
            List<String> towns = Arrays.stream(row.getOrEmpty(4).split(";"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            municipalities.put(row.get(0), new Municipality(row.get(0), row.get(1), row.get(2), row.get(3), towns));
        }
        return of(municipalities.values());
    }

    public static TulaGazetteer of(java.util.Collection<Municipality> list) {
        Map<String, Municipality> byCode = list.stream()
                .collect(Collectors.toMap(Municipality::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        TulaGazetteer empty = new TulaGazetteer(byCode, Map.of(), java.util.Set.of());
        Map<String, String> stems = new HashMap<>();
        java.util.Set<String> ambiguous = new java.util.HashSet<>();
        for (Municipality m : list) {
            List<String> names = new ArrayList<>(m.towns());
            names.add(m.center());
            names.add(m.name().replaceFirst("^город ", ""));
            // "Тёпло-Огарёвской ЦРБ": a district's hyphenated adjective names it without «район»
            String district = m.name().replaceFirst(" район$", "");
            if (!district.equals(m.name()) && district.contains("-")) {
                names.add(district);
            }
            for (String name : names) {
                stems.putIfAbsent(empty.stemKey(name), m.code());
                if (!name.contains(" ")) {
                    NameForms.of(name).forEach(form -> stems.putIfAbsent(empty.stemKey(form), m.code()));
                    if (COMMON_WORD_STEMS.contains(empty.stemKey(name))) {
                        ambiguous.addAll(NameForms.of(name));
                    }
                }
            }
        }
        return new TulaGazetteer(byCode, Map.copyOf(stems), java.util.Set.copyOf(ambiguous));
    }

    /** Every mention in the text, left to right, longest name first where names overlap. */
    public List<PlaceMention> find(String text) {
        List<Token> tokens = tokens(text);
        List<PlaceMention> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            int longest = multiWordStarts.contains(tokens.get(i).stem())
                    ? Math.min(MAX_NAME_TOKENS, tokens.size() - i) : 1;
            for (int n = longest; n >= 1 && matched == 0; n--) {
                List<Token> span = tokens.subList(i, i + n);
                String code = byStems.get(n == 1 ? span.get(0).stem() : joinStems(span));
                if (code != null && (n > 1 || singleWordPlace(text, tokens, i) && ownForm(text, tokens.get(i)))
                        && !streetName(text, tokens, i, n)) {
                    int start = span.get(0).start();
                    int end = span.get(n - 1).end();
                    found.add(new PlaceMention(text.substring(start, end), start, end, code));
                    matched = n;
                }
            }
            i += Math.max(matched, 1);
        }
        return found;
    }

    /** The municipality mentioned most often; ties go to the first mentioned. */
    public static Optional<String> municipalityOf(List<PlaceMention> mentions) {
        return Votes.winner(mentions.stream().map(PlaceMention::municipality).toList());
    }

    public Optional<Municipality> municipality(String code) {
        return Optional.ofNullable(municipalities.get(code));
    }

    public java.util.Collection<Municipality> municipalities() {
        return municipalities.values();
    }

    /**
     * A one-word name counts when it looks like a name, or, in lower-case social-media writing, when a
     * locative preposition or «г.» precedes it ("в новомосковске", "г. тула") or it heads the text before a
     * comma, colon, full stop or dash ("тула, оружейная 16"); in lower case its stem must not also be a common word.
     */
    private static boolean singleWordPlace(String text, List<Token> tokens, int i) {
        Token token = tokens.get(i);
        boolean common = COMMON_WORD_STEMS.contains(token.stem());
        if (Character.isUpperCase(text.charAt(token.start()))) {
            return !common || insideSentence(text, token);
        }
        boolean placeWordBefore = i > 0 && PLACE_MARKERS.contains(tokens.get(i - 1).stem());
        return !common && (placeWordBefore || (i == 0 && headerEnd(text, token)));
    }

    /**
     * Street names often share a town's stem ("на Советской улице" is not Советск, "ул. Донская" is not
     * Донской): a name right after or before a street word is a street, not a place of the gazetteer — unless a
     * comma parts them, as between the parts of an address ("г. Алексин, ул. Мира").
     */
    private static boolean streetName(String text, List<Token> tokens, int i, int n) {
        return (i > 0 && STREET_WORDS.contains(tokens.get(i - 1).stem())
                && !commaBetween(text, tokens.get(i - 1), tokens.get(i)))
                || (i + n < tokens.size() && STREET_WORDS.contains(tokens.get(i + n).stem())
                && !commaBetween(text, tokens.get(i + n - 1), tokens.get(i + n)));
    }

    private static boolean commaBetween(String text, Token left, Token right) {
        return text.substring(left.end(), right.start()).indexOf(',') >= 0;
    }

    private boolean ownForm(String text, Token token) {
        return !COMMON_WORD_STEMS.contains(token.stem()) || ambiguousNameForms.contains(
                text.substring(token.start(), token.end()).toLowerCase(java.util.Locale.ROOT).replace('ё', 'е'));
    }

    /** A header's end right after the word: "тула, …", "тула: …", "тула. …", "тула — …". */
    private static boolean headerEnd(String text, Token token) {
        int p = token.end();
        while (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
        return p < text.length() && ",:.—–-".indexOf(text.charAt(p)) >= 0;
    }

    /** Whether a word stands after another word of its sentence, not at the start of the text or a sentence. */
    private static boolean insideSentence(String text, Token token) {
        for (int p = token.start() - 1; p >= 0; p--) {
            char c = text.charAt(p);
            if (!Character.isWhitespace(c) && c != '«' && c != '"' && c != '(') {
                return c != '.' && c != '!' && c != '?';
            }
        }
        return false;
    }

    private String stemKey(String name) {
        return joinStems(tokens(name));
    }

    private static String joinStems(List<Token> tokens) {
        StringBuilder key = new StringBuilder();
        for (Token t : tokens) {
            key.append(key.isEmpty() ? "" : " ").append(t.stem());
        }
        return key.toString();
    }

    private record Token(String stem, int start, int end) {
    }

    private List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
