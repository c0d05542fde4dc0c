package ru.otklik.incident;

import java.time.Instant;

/**
 * The filters on the incident feed; null means "any".
 *
 * @param agencyScope the one agency the caller may see (agency staff), whatever {@code agency} it asks for
 */
public record IncidentFilter(String status, String topic, String agency, String agencyScope, String municipality,
                             Instant updatedSince) {
}
