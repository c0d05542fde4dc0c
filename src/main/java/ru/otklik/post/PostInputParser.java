package ru.otklik.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads one item of {@code POST /api/posts} by hand rather than by data binding, so that a bad item is
 * rejected alone with a reason that names the field, and the rest of the batch is still stored. Every check
 * an item must pass before it reaches the database is here (limits: {@link PostLimits}).
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

    /** Parses an item; {@code now} bounds how far in the future its publication date may lie. */
    static Parsed parse(JsonNode item, Instant now) {
        if (item == null || !item.isObject()) {
            return failed(null, "элемент должен быть JSON-объектом");
        }
        String externalId = echoedId(item);
        try {
            // the item is kept as the post's raw payload (jsonb), which cannot hold a NUL anywhere
            rejectNul(item, "");
            String source = required(item, "source", PostLimits.SOURCE_KEY);
            required(item, "externalId", PostLimits.EXTERNAL_ID);
            String body = required(item, "text", PostLimits.TEXT);
            Instant published = publishedAt(required(item, "publishedAt", 64), now);
            PostDraft draft = new PostDraft(externalId, text(item, "url", PostLimits.URL),
                    text(item, "author", PostLimits.AUTHOR), null, text(item, "title", PostLimits.TITLE), body,
                    published, metrics(item.get("metrics")), text(item, "parentExternalId", PostLimits.EXTERNAL_ID), item);
            return new Parsed(source, draft, externalId, null);
        } catch (IllegalArgumentException e) {
            return failed(externalId, e.getMessage());
        }
    }

    private static Parsed failed(String externalId, String reason) {
        return new Parsed(null, null, externalId, reason);
    }

    /** The external id to echo in the answer: only one that is itself acceptable, else none. */
    private static String echoedId(JsonNode item) {
        try {
            return text(item, "externalId", PostLimits.EXTERNAL_ID);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String required(JsonNode item, String field, int maxLength) {
        String value = text(item, field, maxLength);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("поле " + field + " обязательно");
        }
        return value;
    }

    private static String text(JsonNode item, String field, int maxLength) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        // an id may come as a number (VK, Telegram); anything else that is not a string is a mistake
        if (!v.isTextual() && !v.isIntegralNumber()) {
            throw new IllegalArgumentException("поле " + field + " должно быть строкой");
        }
        String value = v.asText();
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("поле " + field + " длиннее " + maxLength + " символов (" + value.length() + ")");
        }
        return value;
    }

    private static void rejectNul(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
            throw new IllegalArgumentException("поле " + path + " содержит недопустимый символ NUL (\\u0000)");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> f = fields.next();
                String child = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (f.getKey().indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("имя поля содержит недопустимый символ NUL (\\u0000)");
                }
                rejectNul(f.getValue(), child);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectNul(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static Instant publishedAt(String value, Instant now) {
        Instant at = instant(value);
        if (at.isBefore(PostLimits.EARLIEST)) {
            throw new IllegalArgumentException("publishedAt раньше " + PostLimits.EARLIEST + ": " + value);
        }
        Instant latest = now.plus(PostLimits.AHEAD);
        if (at.isAfter(latest)) {
            throw new IllegalArgumentException("publishedAt позже чем через сутки от текущего времени (" + latest + "): " + value);
        }
        return at;
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

    private static PostMetrics metrics(JsonNode m) {
        if (m == null || m.isNull()) {
            return PostMetrics.NONE;
        }
        if (!m.isObject()) {
            throw new IllegalArgumentException("поле metrics должно быть объектом");
        }
        return new PostMetrics(count(m, "likes"), count(m, "reposts"), count(m, "comments"), count(m, "views"));
    }

    private static Long count(JsonNode metrics, String field) {
        JsonNode v = metrics.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        // canConvertToLong: a 10^30 must be refused, not wrapped around; a string or an array is not a count
        if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new IllegalArgumentException("metrics." + field + " должно быть неотрицательным целым числом не больше "
                    + Long.MAX_VALUE);
        }
        return v.asLong();
    }
}
