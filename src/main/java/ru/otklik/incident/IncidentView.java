package ru.otklik.incident;

import java.time.Instant;
import java.util.List;

/**
 * An incident as the feed shows it. {@code firstResponseDue} and {@code deadline} are working-time deadlines;
 * the {@code …Calendar} ones read the same targets as wall-clock time (see docs/incidents.md).
 * {@code incidentType} is {@code problem} («Решаемый») or {@code question} («Информационный»).
 */
public record IncidentView(
        long id,
        String status,
        String topic,
        String incidentType,
        String agency,
        String agencyName,
        String municipality,
        String municipalityName,
        String priority,
        String title,
        Instant firstResponseDue,
        Instant deadline,
        Instant firstResponseDueCalendar,
        Instant deadlineCalendar,
        Instant firstResponseAt,
        Instant firstSeenAt,
        Instant lastSeenAt,
        int postCount,
        long reach,
        double conflictScore,
        int growth,
        String answerText,
        String answerUrl,
        Integer rating,
        Double satisfaction,
        int reopenCount,
        Instant createdAt,
        Instant updatedAt,
        List<Long> postIds) {
}
