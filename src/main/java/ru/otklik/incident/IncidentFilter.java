package ru.otklik.incident;

import java.time.Instant;

/** The filters a client may put on the incident feed; null means "any". */
public record IncidentFilter(String status, String topic, String agency, String municipality, Instant updatedSince) {
}
