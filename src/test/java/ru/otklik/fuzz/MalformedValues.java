package ru.otklik.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile values, each as raw JSON text: the committed corpus ({@code fuzz/values.jsonl}) plus generated
 * ones that are too big to commit (huge strings, deep nesting, a number with a thousand digits).
 */
final class MalformedValues {

    static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> corpus;

    private MalformedValues(List<String> corpus) {
        this.corpus = corpus;
    }

    static MalformedValues load() {
        List<String> lines = new ArrayList<>();
        for (String line : resourceLines("fuzz/values.jsonl")) {
            if (!line.isBlank()) {
                try {
                    JSON.readTree(line); // a broken corpus line fails here, not as a puzzling request
                } catch (IOException e) {
                    throw new IllegalStateException("fuzz/values.jsonl: not JSON: " + line, e);
                }
                lines.add(line.strip());
            }
        }
        return new MalformedValues(lines);
    }

    static List<String> resourceLines(String name) {
        try (InputStream in = MalformedValues.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hostile value as JSON text: mostly from the corpus, sometimes generated. */
    String json(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> quoted("x".repeat(100_001 + random.nextInt(900_000))); // past every text limit
            case 1 -> "1" + "0".repeat(1000);
            case 2 -> nested(random, 2000 + random.nextInt(3000));
            case 3 -> quoted("\u0000".repeat(1 + random.nextInt(5)) + "текст");
            default -> corpus.get(random.nextInt(corpus.size()));
        };
    }

    /** A hostile value for a path or query: a string's content, or another value's JSON text. */
    String text(Random random) {
        String json = random.nextInt(12) == 2 ? nested(random, 500) : json(random);
        if (json.length() > 1000) {
            // a request line past the HTTP decoder's own limit gets its bare status: keep within it (see TransportLimits)
            json = json.substring(0, 1000) + "\"";
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node.isTextual() ? node.asText() : json;
        } catch (IOException e) {
            return json;
        }
    }

    private static String quoted(String content) {
        try {
            return JSON.writeValueAsString(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Arrays and objects nested {@code depth} levels deep, past any sane parser's limit. */
    static String nested(Random random, int depth) {
        boolean arrays = random.nextBoolean();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "[" : "{\"a\":");
        }
        s.append("1");
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "]" : "}");
        }
        return s.toString();
    }
}
