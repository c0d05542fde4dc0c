package ru.otklik.source;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated source definition, the same whether it comes from an entry of {@code crawler/sources.yaml}
 * or from {@code POST /api/sources}.
 *
 * @param config the kind-specific fields (VK domain, CSS selectors, …), stored in {@code source.config}
 */
public record SourceDefinition(String key, String kind, String title, String url, boolean enabled,
                               int intervalSeconds, int jitterSeconds, ObjectNode config) {
}
