package ru.otklik.web.review;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rubric, agencies and municipalities with their Russian names, read once from the tables the reference
 * files are copied into at start (they change only with a restart).
 */
@ApplicationScoped
public class ReferenceNames {

    /** A code and its name, for select lists. */
    public record Named(String code, String name) {
    }

    /** The three lists, each ordered by name. */
    public record Catalog(Map<String, String> topics, Map<String, String> agencies, Map<String, String> municipalities) {

        public String topic(String code) {
            return code == null ? "—" : topics.getOrDefault(code, "none".equals(code) ? "без темы" : code);
        }

        public String agency(String code) {
            return code == null ? "—" : agencies.getOrDefault(code, code);
        }

        public String municipality(String code) {
            return code == null ? "—" : municipalities.getOrDefault(code, code);
        }

        public List<Named> topicList() {
            return list(topics);
        }

        public List<Named> agencyList() {
            return list(agencies);
        }

        public List<Named> municipalityList() {
            return list(municipalities);
        }

        private static List<Named> list(Map<String, String> names) {
            return names.entrySet().stream().map(e -> new Named(e.getKey(), e.getValue())).toList();
        }
    }

    private final Pool pool;
    private final AtomicReference<Catalog> cached = new AtomicReference<>();

    public ReferenceNames(Pool pool) {
        this.pool = pool;
    }

    public Uni<Catalog> catalog() {
        Catalog known = cached.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return pool.query("select 'topic' as kind, code, name_ru as name from topic "
                        + "union all select 'agency', code, name from agency "
                        + "union all select 'municipality', code, name from municipality order by 1, 3").execute()
                .map(rows -> {
                    Map<String, Map<String, String>> byKind = Map.of("topic", new LinkedHashMap<>(),
                            "agency", new LinkedHashMap<>(), "municipality", new LinkedHashMap<>());
                    for (Row row : rows) {
                        byKind.get(row.getString("kind")).put(row.getString("code"), row.getString("name"));
                    }
                    Catalog catalog = new Catalog(Collections.unmodifiableMap(byKind.get("topic")),
                            Collections.unmodifiableMap(byKind.get("agency")),
                            Collections.unmodifiableMap(byKind.get("municipality")));
                    // keep only a filled catalogue: a request racing the start-up copy must not pin empty lists
                    if (!catalog.topics().isEmpty()) {
                        cached.set(catalog);
                    }
                    return catalog;
                });
    }
}
