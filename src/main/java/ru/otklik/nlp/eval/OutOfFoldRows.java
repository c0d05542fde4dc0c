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
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (c.length != 10) {
                throw new IOException(file + ": expected 10 columns, got " + c.length + " in «" + line + "»");
            }
            chosen = chosen == null ? c[0] : chosen;
            if (!c[0].equals(chosen)) {
                continue;
            }
            List<RuleMatch> matches = c[8].isEmpty() ? List.of() : Arrays.stream(c[8].split(","))
                    .map(m -> new RuleMatch(m.substring(0, m.lastIndexOf(':')), m.substring(m.lastIndexOf(':') + 1)))
                    .toList();
            rows.add(new Row(new LabelledPosts.Post(c[1], "dev", c[2], "", c[9], c[3], ""), Boolean.parseBoolean(c[4]),
                    score(c[5]), score(c[6]), score(c[7]), matches, normalizer.clean(c[9])));
        }
        return rows;
    }

    private static LabelScore score(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String[] p = s.split(" ");
        return new LabelScore(p[0], Double.parseDouble(p[1]));
    }
}
