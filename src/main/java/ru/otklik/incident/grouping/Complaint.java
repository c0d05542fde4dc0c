package ru.otklik.incident.grouping;

import java.time.Instant;

/** A newly analysed complaint looking for an incident to join. */
public record Complaint(String topic, String municipality, Instant publishedAt, TermVector terms) {
}
