package ru.otklik.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A post's raw payload as {@code post.raw} stores it. A feeder's item (and a VK post) carries the post's text, which
 * the row keeps in {@code text} already: such a payload is stored without its {@code "text"} field, and
 * {@link Post#raw} puts the field back when the row is read (V74). The second copy cost a batch of 1,000 a third of
 * its WAL and the bulk of the insert's text-to-jsonb cast (docs/performance.md, perf-ingest5). A payload whose
 * {@code "text"} is anything but that very string (another text, a number) is stored whole.
 *
 * @param json        the payload's JSON text for {@code post.raw}, null without a payload
 * @param withoutText whether its {@code "text"} was left out, for {@code post.raw_without_text}
 */
record StoredRaw(String json, boolean withoutText) {

    static final String TEXT = "text";

    /** The stored form of a draft's payload; serialised on the thread that checks the batch. */
    static StoredRaw of(PostDraft draft) {
        JsonNode raw = draft.raw();
        if (raw == null) {
            return new StoredRaw(null, false);
        }
        JsonNode text = raw.isObject() ? raw.get(TEXT) : null;
        if (text == null || !text.isTextual() || !text.textValue().equals(draft.text())) {
            return new StoredRaw(raw.toString(), false);
        }
        // a shallow copy: the other fields' values are only written out, not changed
        ObjectNode rest = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = raw.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getKey().equals(TEXT)) {
                rest.set(f.getKey(), f.getValue());
            }
        }
        return new StoredRaw(rest.toString(), true);
    }
}
