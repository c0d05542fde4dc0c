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
 * <p>A one-word name must be capitalised and not open a sentence, because several town names share their stem
 * with common words (Тёплое/тепло, Чернь/чёрный, Липки/липкий).
 */
public final class TulaGazetteer {

    private static final int MAX_NAME_TOKENS = 4;

    private final Map<String, Municipality> municipalities;
    private final Map<String, String> byStems;
    private final Analyzer analyzer = new RuleAnalyzer();

    private TulaGazetteer(Map<String, Municipality> municipalities, Map<String, String> byStems) {
        this.municipalities = municipalities;
        this.byStems = byStems;
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
        TulaGazetteer empty = new TulaGazetteer(byCode, Map.of());
        Map<String, String> stems = new HashMap<>();
        for (Municipality m : list) {
            List<String> names = new ArrayList<>(m.towns());
            names.add(m.center());
            names.add(m.name().replaceFirst("^город ", ""));
            for (String name : names) {
                stems.putIfAbsent(empty.stemKey(name), m.code());
                if (!name.contains(" ")) {
                    NameForms.of(name).forEach(form -> stems.putIfAbsent(empty.stemKey(form), m.code()));
                }
            }
        }
        return new TulaGazetteer(byCode, Map.copyOf(stems));
    }

    /** Every mention in the text, left to right, longest name first where names overlap. */
    public List<PlaceMention> find(String text) {
        List<Token> tokens = tokens(text);
        List<PlaceMention> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            for (int n = Math.min(MAX_NAME_TOKENS, tokens.size() - i); n >= 1 && matched == 0; n--) {
                List<Token> span = tokens.subList(i, i + n);
                String code = byStems.get(span.stream().map(Token::stem).collect(Collectors.joining(" ")));
                if (code != null && (n > 1 || looksLikeName(text, span.get(0)))) {
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

    private static boolean looksLikeName(String text, Token token) {
        if (!Character.isUpperCase(text.charAt(token.start()))) {
            return false;
        }
        for (int p = token.start() - 1; p >= 0; p--) {
            char c = text.charAt(p);
            if (!Character.isWhitespace(c) && c != '«' && c != '"' && c != '(') {
                return c != '.' && c != '!' && c != '?';
            }
        }
        return false;
    }

    private String stemKey(String name) {
        return tokens(name).stream().map(Token::stem).collect(Collectors.joining(" "));
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
