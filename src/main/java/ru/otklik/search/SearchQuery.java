package ru.otklik.search;

import java.time.Instant;

/** A full-text query with optional facet filters and a date range; null means "any". */
public record SearchQuery(String text, String topic, String source, String municipality, Instant from, Instant to,
                          int offset, int limit) {
}
