package ru.otklik.im;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ru.otklik.common.TsvFile;

/**
 * ИМ topic group → rubric code. Matched automatically by normalised name — the rubric's name, one of its
 * parts around «и» («ЖКХ и благоустройство» matches «ЖКХ» and «Благоустройство»), or a known synonym of ИМ's
 * groups — and then as the operator edited it ({@code --map}). Unmatched groups map to {@code none} and are
 * marked for the operator.
 */
public final class TopicMap {

    public static final String NONE = "none";

    /** How an ИМ group is mapped. */
    public record Entry(String group, String code, String how) {
    }

    /** Groups of real ИМ exports whose name is none of the rubric's (normalised name → code). */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("энергетика", "housing_utilities"),
            Map.entry("жилищно-коммунальное хозяйство", "housing_utilities"),
            Map.entry("обращение с отходами", "ecology"),
            Map.entry("отходы", "ecology"),
            Map.entry("экология", "ecology"),
            Map.entry("мусор", "ecology"),
            Map.entry("социальное обслуживание и защита", "social_protection"),
            Map.entry("социальное обслуживание", "social_protection"),
            Map.entry("транспорт", "transport"),
            Map.entry("дорожное хозяйство", "roads"),
            Map.entry("медицина", "health"),
            Map.entry("строительство и архитектура", "construction"),
            Map.entry("потребительский рынок", "trade"),
            Map.entry("торговля", "trade"),
            Map.entry("занятость", "employment"),
            Map.entry("физическая культура и спорт", "sport"),
            Map.entry("спорт", "sport"),
            Map.entry("животные", "animals"),
            Map.entry("связь и интернет", "communications"),
            Map.entry("интернет", "communications"),
            Map.entry("государственные услуги", "public_services"),
            Map.entry("госуслуги", "public_services"));

    private final Map<String, Entry> entries;

    private TopicMap(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Maps every group automatically against the rubric (code → Russian name). */
    public static TopicMap auto(List<String> groups, Map<String, String> rubric) {
        Map<String, String> byName = new LinkedHashMap<>();
        rubric.forEach((code, name) -> {
            byName.put(normalize(name), code);
            for (String part : normalize(name).split(" и ")) {
                byName.putIfAbsent(part.strip(), code);
            }
            byName.putIfAbsent(normalize(code), code);
        });
        Map<String, Entry> out = new LinkedHashMap<>();
        for (String g : groups) {
            String n = normalize(g);
            String code = byName.get(n);
            String how = "name";
            if (code == null && SYNONYMS.containsKey(n)) {
                code = SYNONYMS.get(n);
                how = "synonym";
            }
            out.put(g, code == null || !rubric.containsKey(code) ? new Entry(g, NONE, "unmatched")
                    : new Entry(g, code, how));
        }
        return new TopicMap(out);
    }

    /**
     * The automatic map overridden by an operator's file ({@code group<TAB>code}, '#' comments); a code the
     * rubric lacks fails naming the line.
     */
    public TopicMap with(Path file, Map<String, String> rubric) {
        Map<String, Entry> out = new LinkedHashMap<>(entries);
        for (TsvFile.Row row : TsvFile.read(file, 2)) {
            String code = row.get(1);
            if (!code.equals(NONE) && !rubric.containsKey(code)) {
                throw new IllegalArgumentException(file.getFileName() + " line " + row.line() + ": «" + code
                        + "» is not a rubric code (one of " + String.join(", ", rubric.keySet()) + ", none)");
            }
            out.put(row.get(0), new Entry(row.get(0), code, "operator"));
        }
        return new TopicMap(out);
    }

    /** The rubric code of a group; {@code none} when unmatched or unknown. */
    public String code(String group) {
        Entry e = entries.get(group);
        if (e == null) {
            e = entries.values().stream().filter(x -> normalize(x.group()).equals(normalize(group))).findFirst()
                    .orElse(null);
        }
        return e == null ? NONE : e.code();
    }

    public Optional<Entry> entry(String group) {
        return Optional.ofNullable(entries.get(group));
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Writes the map for the operator to check and pass back with {@code --map}. */
    public void write(Path file, Map<String, Long> rowsByGroup) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# ИМ topic group → rubric code (edit the code column, then run import-im again with --map "
                + file.getFileName() + ").");
        lines.add("# Codes: the rubric's (nlp-models/rules/rubric.tsv) or none (the group's rows are left out of "
                + "the topic model and of --history until mapped).");
        lines.add("# group\tcode\trows\tmatched by (CHECK: unmatched, to be mapped by the operator)");
        for (Entry e : entries.values()) {
            lines.add(e.group() + "\t" + e.code() + "\t" + rowsByGroup.getOrDefault(e.group(), 0L) + "\t"
                    + (e.how().equals("unmatched") ? "CHECK: unmatched" : e.how()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[\"«»'.]", "")
                .replaceAll("\\s+", " ");
    }
}
