package ru.otklik.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code source.last_skipped}: {@code {"items": ["reason", …]}}, newest first. An object rather than a bare array
 * because Hibernate Reactive reads jsonb through Vert.x JsonObject, which refuses top-level arrays.
 */
public final class SkippedItems {

    private SkippedItems() {
    }

    public static ObjectNode none() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.putArray("items");
        return n;
    }

    public static ObjectNode prepend(JsonNode previous, List<String> reasons, int keep) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        ArrayNode items = n.putArray("items");
        reasons.stream().limit(keep).forEach(items::add);
        JsonNode old = previous == null ? null : previous.get("items");
        if (old != null && old.isArray()) {
            for (int i = 0; i < old.size() && items.size() < keep; i++) {
                items.add(old.get(i));
            }
        }
        return n;
    }
}
