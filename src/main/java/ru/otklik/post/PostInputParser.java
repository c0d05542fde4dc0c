package ru.otklik.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads one item of {@code POST /api/posts} by hand rather than by data binding, so that a bad item is
 * rejected alone with a reason that names the field, and the rest of the batch is still stored.
 */
final class PostInputParser {

    /** One parsed item: its source key and draft, or the reason it was refused. */
    record Parsed(String sourceKey, PostDraft draft, String externalId, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private PostInputParser() {
    }

    static Parsed parse(JsonNode item) {
        if (item == null || !item.isObject()) {
            return failed(null, "элемент должен быть JSON-объектом");
        }
        String externalId = text(item, "externalId");
        try {
            String source = required(item, "source");
            required(item, "externalId");
            String body = required(item, "text");
            Instant published = instant(required(item, "publishedAt"));
            JsonNode m = item.path("metrics");
            PostMetrics metrics = m.isMissingNode() || m.isNull() ? PostMetrics.NONE
                    : new PostMetrics(count(m, "likes"), count(m, "reposts"), count(m, "comments"), count(m, "views"));
            String author = text(item, "author");
            PostDraft draft = new PostDraft(externalId, text(item, "url"), author, null, text(item, "title"), body,
                    published, metrics, text(item, "parentExternalId"), item);
            return new Parsed(source, draft, externalId, null);
        } catch (IllegalArgumentException e) {
            return failed(externalId, e.getMessage());
        }
    }

    private static Parsed failed(String externalId, String reason) {
        return new Parsed(null, null, externalId, reason);
    }

    private static String required(JsonNode item, String field) {
        String value = text(item, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("поле " + field + " обязательно");
        }
        return value;
    }

    private static String text(JsonNode item, String field) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException("поле " + field + " должно быть строкой");
        }
        return v.asText();
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("publishedAt не в формате ISO 8601: " + value);
            }
        }
    }

    private static Long count(JsonNode metrics, String field) {
        JsonNode v = metrics.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToExactIntegral() || v.asLong() < 0) {
            throw new IllegalArgumentException("metrics." + field + " должно быть неотрицательным целым");
        }
        return v.asLong();
    }
}
