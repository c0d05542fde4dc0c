package ru.otklik.crawler.rss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.otklik.crawler.BlockingIo;
import ru.otklik.crawler.CrawlFailure;
import ru.otklik.crawler.CrawlPage;
import ru.otklik.crawler.CrawlTarget;
import ru.otklik.crawler.SourceCrawler;
import ru.otklik.crawler.SourceSpec;
import ru.otklik.crawler.fetch.FetchRequest;
import ru.otklik.post.PostDraft;

/**
 * RSS and Atom feeds: one conditional GET per run (ETag / Last-Modified), every entry upserted. A feed holds
 * its latest items only, so there is no paging; the cursor remembers the newest entry for the operator.
 */
@ApplicationScoped
public class RssCrawler implements SourceCrawler {

    private final BlockingIo io;
    private final Clock clock;

    public RssCrawler(BlockingIo io, Clock clock) {
        this.io = io;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "rss";
    }

    @Override
    public Set<String> fields() {
        return Set.of();
    }

    @Override
    public List<String> validate(SourceSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec.url() == null) {
            problems.add("поле 'url': обязательно для RSS/Atom — адрес ленты");
        } else if (!spec.url().matches("(?i)https?://\\S+")) {
            problems.add("поле 'url': ожидается адрес http(s)://…, получено '" + spec.url() + "'");
        }
        return problems;
    }

    @Override
    public Uni<CrawlPage> fetchPage(CrawlTarget target, JsonNode cursor) {
        FetchRequest request = FetchRequest.get(target.url())
                .withHeader("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .conditional(target.etag(), target.lastModified());
        return io.fetch(request, response -> {
            if (response.notModified()) {
                return CrawlPage.notModified(cursor);
            }
            Instant now = clock.instant();
            RssParser.Feed feed;
            try {
                feed = RssParser.parse(response.body(), now);
            } catch (IllegalArgumentException e) {
                throw CrawlFailure.transientFailure(e.getMessage(), null, e);
            }
            return new CrawlPage(feed.posts(), cursorAfter(feed.posts(), cursor), false, response.etag(),
                    response.lastModified(), Map.of(), List.of());
        });
    }

    private static JsonNode cursorAfter(List<PostDraft> posts, JsonNode previous) {
        PostDraft newest = posts.stream().max(java.util.Comparator.comparing(PostDraft::publishedAt)).orElse(null);
        if (newest == null) {
            return previous;
        }
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("newestId", newest.externalId());
        c.put("newestPublishedAt", newest.publishedAt().toString());
        return c;
    }
}
