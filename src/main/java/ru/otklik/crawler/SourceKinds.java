package ru.otklik.crawler;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The registered source kinds, found through CDI: every {@link SourceCrawler} bean is one kind. */
@ApplicationScoped
public class SourceKinds {

    private final Map<String, SourceCrawler> byKind = new TreeMap<>();

    public SourceKinds(Instance<SourceCrawler> crawlers) {
        crawlers.forEach(c -> byKind.put(c.kind(), c));
    }

    public Optional<SourceCrawler> find(String kind) {
        return Optional.ofNullable(kind == null ? null : byKind.get(kind));
    }

    public java.util.Set<String> names() {
        return byKind.keySet();
    }
}
