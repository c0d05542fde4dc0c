package ru.otklik.nlp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ru.otklik.nlp.data.Csv;
import ru.otklik.nlp.data.LabeledText;

/**
 * Reads a region's own labelled history: JSONL (one object per line) when the file ends in .jsonl/.json
 * or starts with '{', CSV (comma, or ';'/tab when the header uses them) otherwise.
 */
final class UserDataReader {

    private UserDataReader() {
    }

    static List<LabeledText> read(Path file, String textField, String labelField) throws IOException {
        String head;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            head = r.readLine();
        }
        if (head == null) {
            return List.of();
        }
        String name = file.getFileName().toString().toLowerCase();
        boolean jsonl = name.endsWith(".jsonl") || name.endsWith(".json") || head.strip().startsWith("{");
        return jsonl ? readJsonl(file, textField, labelField) : readCsv(file, head, textField, labelField);
    }

    private static List<LabeledText> readJsonl(Path file, String textField, String labelField) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        for (JsonlFile.Line line : JsonlFile.read(file)) {
            String text = line.node().path(textField).asText("");
            String label = line.node().path(labelField).asText("").strip();
            if (!text.isBlank() && !label.isEmpty()) {
                out.add(new LabeledText("line-" + line.number(), text, label));
            }
        }
        return out;
    }

    private static List<LabeledText> readCsv(Path file, String head, String textField, String labelField)
            throws IOException {
        char sep = head.indexOf('\t') >= 0 ? '\t' : head.indexOf(';') >= 0 && head.indexOf(',') < 0 ? ';' : ',';
        List<LabeledText> out = new ArrayList<>();
        int n = 0;
        for (Map<String, String> row : Csv.read(file, sep)) {
            n++;
            String text = row.getOrDefault(textField, "");
            String label = row.getOrDefault(labelField, "").strip();
            if (!text.isBlank() && !label.isEmpty()) {
                out.add(new LabeledText("row-" + n, text, label));
            }
        }
        if (n > 0 && out.isEmpty()) {
            throw new CliArgs.UsageException("no rows with both '" + textField + "' and '" + labelField
                    + "'; header is: " + head);
        }
        return out;
    }
}
