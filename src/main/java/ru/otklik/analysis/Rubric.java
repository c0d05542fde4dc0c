package ru.otklik.analysis;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ru.otklik.common.TsvFile;

/** The topic rubric: code → Russian name, in the rubric's order. */
public final class Rubric {

    private final Map<String, String> names;

    private Rubric(Map<String, String> names) {
        this.names = names;
    }

    public static Rubric load(Path file) {
        Map<String, String> names = new LinkedHashMap<>();
        TsvFile.read(file, 2).forEach(row -> names.put(row.get(0), row.get(1)));
        return new Rubric(java.util.Collections.unmodifiableMap(names));
    }

    public Map<String, String> topics() {
        return names;
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code));
    }
}
