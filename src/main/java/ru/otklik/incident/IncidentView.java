package ru.otklik.incident;

import java.time.Instant;
import java.util.List;

/** An incident as the feed shows it. */
public record IncidentView(
        long id,
        String status,
        String topic,
        String agency,
        String agencyName,
        String municipality,
        String municipalityName,
        String priority,
        String title,
        Instant firstResponseDue,
        Instant deadline,
        Instant firstResponseAt,
        Instant firstSeenAt,
        Instant lastSeenAt,
        int postCount,
        long reach,
        double conflictScore,
        Instant createdAt,
        Instant updatedAt,
        List<Long> postIds) {
}
