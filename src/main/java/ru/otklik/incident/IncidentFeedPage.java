package ru.otklik.incident;

import java.util.List;

/**
 * One page of the incident feed; {@code next} is the cursor of the following page, null on the last. The feed writes
 * it with {@link IncidentFeedJson}; this record is its schema in the OpenAPI document.
 */
public record IncidentFeedPage(List<IncidentView> items, String next) {
}
