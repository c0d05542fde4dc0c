package ru.otklik.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A definition's url and kind-specific fields, as a kind validates them. */
public record SourceSpec(String url, ObjectNode config) {

    public String text(String field) {
        JsonNode v = config.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    public JsonNode node(String field) {
        return config.get(field);
    }
}
