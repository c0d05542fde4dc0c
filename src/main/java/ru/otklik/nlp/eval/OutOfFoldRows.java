package ru.otklik.nlp.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.eval.DecisionGrid.Row;
import ru.otklik.nlp.rules.RuleMatch;
import ru.otklik.nlp.text.TextNormalizer;

/**
 * Reads back the decision rows {@code crossval --task incident --out rows.tsv} wrote (config, id, source, gold,
 * russian, complaint, incident, type, rules, text): every labelled dev row's out-of-fold answers of one incident
 * model setting, so the decision can be fitted and judged again without training (the text is cleaned again, as
 * the analysis cleans it).
 */
public final class OutOfFoldRows {

    public static final String HEADER = "config\tid\tsource\tgold\trussian\tcomplaint\tincident\ttype\trules\ttext";
    /**
     * The source prefix of a real text's row (a real tweet or appeal, not a labelled row: {@code real:kursk}); files
     * written before 2026-12-06 have none, and read as labelled rows only.
     */
    public static final String REAL = "real:";

    private OutOfFoldRows() {
    }

    /** The rows of {@code config}, or of the file's first setting when {@code config} is {@code null}. */
    public static List<Row> read(Path file, String config) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": not a crossval --out file (header «" + HEADER + "»)");
        }
        TextNormalizer normalizer = new TextNormalizer();
        List<Row> rows = new ArrayList<>();
        String chosen = config;
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            String[] c = line.split("\t", -1);
            if (c.length != 10) {
                throw new IOException(file + ": expected 10 columns, got " + c.length + " in «" + line + "»");
            }
            chosen = chosen == null ? c[0] : chosen;
            if (!c[0].equals(chosen)) {
                continue;
            }
            try {
                rows.add(new Row(new LabelledPosts.Post(c[1], "dev", c[2], "", c[9], c[3], ""),
                        Boolean.parseBoolean(c[4]), score(c[5]), score(c[6]), score(c[7]), matches(c[8]),
                        normalizer.clean(c[9])));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** One row as {@link #read} reads it back, under {@code source} (a labelled row's own, or {@link #REAL} + a set). */
    public static String line(String config, String source, Row r) {
        return String.join("\t", config, r.post().id(), source, r.post().incident(), String.valueOf(r.russian()),
                fmt(r.complaint()), fmt(r.incident()), fmt(r.type()),
                String.join(",", r.matches().stream().map(m -> m.ruleId() + ":" + m.label()).toList()),
                r.post().text().replaceAll("\\s+", " "));
    }

    private static String fmt(LabelScore s) {
        return s == null ? "" : s.label() + " " + s.score();
    }

    /** The rules column: {@code id:label} entries separated by commas. */
    private static List<RuleMatch> matches(String column) {
        if (column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(m -> {
            int colon = m.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a rule match is «id:label», got «" + m + "»");
            }
            return new RuleMatch(m.substring(0, colon), m.substring(colon + 1));
        }).toList();
    }

    /** A model's answer as crossval writes it: {@code label score}, or empty. */
    private static LabelScore score(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String[] p = s.split(" ");
        if (p.length != 2) {
            throw new IllegalArgumentException("an answer is «label score», got «" + s + "»");
        }
        try {
            return new LabelScore(p[0], Double.parseDouble(p[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an answer's score is a number, got «" + s + "»", e);
        }
    }
}
