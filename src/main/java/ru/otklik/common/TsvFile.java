package ru.otklik.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the tab-separated reference files operators edit (rules, routing, gazetteer): {@code #} starts a
 * comment line, blank lines are skipped, and a row with too few columns fails naming file and line.
 */
public final class TsvFile {

    /** One data row with its line number, for error messages. */
    public record Row(int line, List<String> cells) {
        public String get(int column) {
            return cells.get(column);
        }

        public String getOrEmpty(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    private TsvFile() {
    }

    public static List<Row> read(Path file, int minColumns) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.split("\t", -1)).map(String::strip).toList();
            if (cells.size() < minColumns || cells.subList(0, minColumns).stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + minColumns
                        + " tab-separated non-empty columns, got: " + line);
            }
            rows.add(new Row(i + 1, cells));
        }
        return rows;
    }
}
