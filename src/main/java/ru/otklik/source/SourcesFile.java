package ru.otklik.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates the region's sources file ({@code crawler/sources.yaml}):
 * <pre>
 * version: 1
 * sources:
 *   - key: tula-news
 *     kind: rss
 *     url: https://example.org/rss
 * </pre>
 * Any problem fails the whole file, with a message naming the entry and the field, so a typo cannot silently
 * drop a monitored source.
 */
public final class SourcesFile {

    public static final int VERSION = 1;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SourcesFile() {
    }

    /** Thrown with every problem of the file in its message. */
    public static class InvalidException extends RuntimeException {
        public InvalidException(String message) {
            super(message);
        }
    }

    public static List<SourceDefinition> read(Path file, SourceDefinitionParser parser) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InvalidException("Файл источников " + file + " не прочитан: " + e.getMessage());
        }
        return parse(file.toString(), root, parser);
    }

    static List<SourceDefinition> parse(String name, JsonNode root, SourceDefinitionParser parser) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidException("Файл источников " + name + ": ожидаются поля 'version' и 'sources'");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.asInt() != VERSION) {
            problems.add("поле 'version': ожидается " + VERSION + ", получено " + version);
        }
        JsonNode sources = root.get("sources");
        if (sources == null || !sources.isArray()) {
            problems.add("поле 'sources': ожидается список источников");
        }
        List<SourceDefinition> definitions = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        if (sources != null && sources.isArray()) {
            for (int i = 0; i < sources.size(); i++) {
                JsonNode entry = sources.get(i);
                String label = "источник №" + (i + 1) + (entry.hasNonNull("key") ? " (key=" + entry.get("key").asText() + ")" : "");
                SourceDefinitionParser.Result result = parser.parse(entry);
                result.problems().forEach(p -> problems.add(label + ": " + p));
                if (result.ok() && !keys.add(result.definition().key())) {
                    problems.add(label + ": поле 'key': ключ повторяется, ключи источников должны быть уникальны");
                }
                if (result.ok()) {
                    definitions.add(result.definition());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidException("Файл источников " + name + " содержит ошибки:\n  - " + String.join("\n  - ", problems));
        }
        return definitions;
    }
}
