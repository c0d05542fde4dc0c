package ru.otklik.crawler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import ru.otklik.post.PostDraft;

/**
 * Puts JSON built in code into the shape it has after a database round trip. Hibernate dirty-checks jsonb
 * columns by comparing with a re-read copy, and Jackson's {@code LongNode(5)} is not equal to the
 * {@code IntNode(5)} that comes back: every stored post would look changed and be rewritten on each flush,
 * turning a 200-item page into 20,000 updates.
 */
public final class JsonCanon {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonCanon() {
    }

    public static JsonNode of(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return JSON.readTree(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON that Jackson wrote cannot be read back", e);
        }
    }

    static CrawlPage page(CrawlPage page) {
        List<PostDraft> drafts = page.drafts().stream().map(d -> new PostDraft(d.externalId(), d.url(), d.authorHandle(),
                d.authorName(), d.title(), d.text(), d.publishedAt(), d.metrics(), d.parentExternalId(), of(d.raw()))).toList();
        return new CrawlPage(drafts, of(page.cursor()), page.more(), page.etag(), page.lastModified(), page.reposts(),
                page.skipped());
    }
}
