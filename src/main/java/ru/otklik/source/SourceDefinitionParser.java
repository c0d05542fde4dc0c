package ru.otklik.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.otklik.crawler.SourceCrawler;
import ru.otklik.crawler.SourceKinds;
import ru.otklik.crawler.SourceSpec;

/**
 * Turns one definition (a YAML entry or a JSON body) into a {@link SourceDefinition}, or into the list of what
 * is wrong with it, each problem naming its field. Common fields are checked here, kind-specific ones by the kind.
 */
@ApplicationScoped
public class SourceDefinitionParser {

    static final Set<String> COMMON = Set.of("key", "kind", "title", "url", "enabled", "interval", "jitter");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)?");
    private static final int DEFAULT_INTERVAL = 900;

    private final SourceKinds kinds;

    public SourceDefinitionParser(SourceKinds kinds) {
        this.kinds = kinds;
    }

    /** Either a definition or problems, never both. */
    public record Result(SourceDefinition definition, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result parse(JsonNode entry) {
        List<String> problems = new ArrayList<>();
        if (entry == null || !entry.isObject()) {
            return new Result(null, List.of("определение источника должно быть объектом с полями key, kind, …"));
        }
        String key = text(entry, "key");
        if (key == null) {
            problems.add("поле 'key': обязательно (латиница в нижнем регистре, цифры, '.', '_', '-')");
        } else if (!KEY.matcher(key).matches()) {
            problems.add("поле 'key': '" + key + "' — допустимы латиница в нижнем регистре, цифры, '.', '_', '-', до 64 символов");
        }
        String kindName = text(entry, "kind");
        SourceCrawler kind = kinds.find(kindName).orElse(null);
        if (kindName == null) {
            problems.add("поле 'kind': обязательно, одно из " + kinds.names());
        } else if (kind == null) {
            problems.add("поле 'kind': неизвестный вид '" + kindName + "', допустимы " + kinds.names());
        }
        Integer interval = seconds(entry, "interval", DEFAULT_INTERVAL, problems);
        Integer jitter = seconds(entry, "jitter", interval == null ? 0 : interval / 10, problems);
        if (interval != null && interval < 1) {
            problems.add("поле 'interval': должно быть не меньше 1 секунды");
        }
        JsonNode enabled = entry.get("enabled");
        if (enabled != null && !enabled.isBoolean()) {
            problems.add("поле 'enabled': ожидается true или false, получено " + enabled);
        }
        String url = text(entry, "url");
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (COMMON.contains(field.getKey())) {
                continue;
            }
            if (kind != null && !kind.fields().contains(field.getKey())) {
                problems.add("поле '" + field.getKey() + "': неизвестно для вида '" + kindName + "', допустимы "
                        + new java.util.TreeSet<>(kind.fields()));
            } else {
                config.set(field.getKey(), field.getValue());
            }
        }
        if (kind != null) {
            problems.addAll(kind.validate(new SourceSpec(url, config)));
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new SourceDefinition(key, kindName, text(entry, "title"), url,
                enabled == null || enabled.asBoolean(), interval, jitter, config), List.of());
    }

    private static String text(JsonNode entry, String field) {
        JsonNode v = entry.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    /** Seconds as a number, or a duration such as "90s", "15m", "2h", "1d". */
    private static Integer seconds(JsonNode entry, String field, int fallback, List<String> problems) {
        JsonNode v = entry.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isIntegralNumber()) {
            if (v.asLong() < 0 || v.asLong() > Integer.MAX_VALUE) {
                problems.add("поле '" + field + "': " + v + " вне допустимого диапазона");
                return null;
            }
            return v.asInt();
        }
        Matcher m = DURATION.matcher(v.asText().trim());
        if (!v.isTextual() || !m.matches()) {
            problems.add("поле '" + field + "': ожидается число секунд или длительность вида 90s, 15m, 2h, 1d; получено " + v);
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long factor = switch (unit) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 1;
        };
        if (n * factor > Integer.MAX_VALUE) {
            problems.add("поле '" + field + "': " + v + " слишком велико");
            return null;
        }
        return (int) (n * factor);
    }
}
