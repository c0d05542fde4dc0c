package ru.otklik.search;

import java.time.Instant;

/** What the search index holds of a post: its text and the facets it can be narrowed by. */
public record SearchDocument(long postId, String source, String title, String text, Instant publishedAt,
                             String topic, String municipality) {
}
