package ru.otklik.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * One source kind (RSS, VK wall, t.me preview, …): how its definition is checked and how one page of it is
 * fetched and parsed. The crawl loop, storage, scheduling and health are common and live in this package,
 * so adding a kind touches one package.
 */
public interface SourceCrawler {

    /** The {@code kind} value in source definitions, e.g. {@code rss}. */
    String kind();

    /**
     * Checks the kind-specific fields of a definition (everything but key, kind, title, interval, jitter,
     * enabled) and returns what is wrong, one Russian sentence per problem naming the field.
     */
    List<String> validate(SourceSpec spec);

    /** The kind-specific field names this kind accepts; any other field is refused as a likely typo. */
    java.util.Set<String> fields();

    /**
     * Fetches and parses the page the cursor points at. Runs the blocking I/O off the event loop.
     * Fails with {@link CrawlFailure} for what the scheduler must react to.
     */
    Uni<CrawlPage> fetchPage(CrawlTarget target, JsonNode cursor);
}
