package ru.otklik.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import ru.otklik.source.Source;

/** A detached snapshot of what a crawler needs from its source: no entity leaves the transaction. */
public record CrawlTarget(long sourceId, String key, String kind, String url, JsonNode config, String etag,
                          String lastModified) {

    public static CrawlTarget of(Source s) {
        return new CrawlTarget(s.id, s.key, s.kind, s.url, s.config, s.etag, s.lastModified);
    }

    /** A text field of the kind-specific config, null when absent or blank. */
    public String text(String field) {
        JsonNode v = config == null ? null : config.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
