package ru.otklik.nlp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The objects of a user's JSONL file, each with its line number; blank lines are skipped. */
final class JsonlFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One parsed line. */
    record Line(int number, JsonNode node) {
    }

    private JsonlFile() {
    }

    /** Every non-blank line; one that is not JSON stops the command with the file and line named. */
    static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(new Line(n, JSON.readTree(line)));
            } catch (IOException e) {
                throw new IllegalArgumentException(file.getFileName() + " line " + n + " is not JSON");
            }
        }
        return lines;
    }
}
