package ru.otklik.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of search hits, with counts per facet value over all hits (not only this page).
 *
 * @param facets dimension ({@code topic}, {@code source}, {@code municipality}, {@code month}) → value → count
 */
public record SearchResult(long total, List<Hit> items, Map<String, Map<String, Integer>> facets) {

    /** A matching post; {@code snippet} is HTML-escaped text with the matched words in {@code <mark>}. */
    public record Hit(long postId, String title, String snippet, String source, String topic, String municipality,
                      Instant publishedAt, float score) {
    }
}
