package ru.otklik.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import ru.otklik.post.PostDraft;

/**
 * What one fetched page yields; stored in one transaction with the cursor it leads to.
 *
 * @param drafts       posts on the page, in any order
 * @param cursor       where the next page or the next run starts; stored with the posts
 * @param more         whether the crawl should fetch the next page now (paging back to the last seen post)
 * @param etag         validator for the next conditional GET, null to keep the stored one
 * @param lastModified validator for the next conditional GET, null to keep the stored one
 * @param reposts      external id of a repost → external id of its original, both within this source
 * @param skipped      items left out and why (VK access errors, unparsable entries), recorded on the source
 */
public record CrawlPage(List<PostDraft> drafts, JsonNode cursor, boolean more, String etag, String lastModified,
                       Map<String, String> reposts, List<String> skipped) {

    public CrawlPage {
        drafts = List.copyOf(drafts);
        reposts = reposts == null ? Map.of() : Map.copyOf(reposts);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    public static CrawlPage last(List<PostDraft> drafts, JsonNode cursor) {
        return new CrawlPage(drafts, cursor, false, null, null, Map.of(), List.of());
    }

    /** Nothing new (304 Not Modified): the cursor and validators stay as stored. */
    public static CrawlPage notModified(JsonNode cursor) {
        return new CrawlPage(List.of(), cursor, false, null, null, Map.of(), List.of());
    }
}
