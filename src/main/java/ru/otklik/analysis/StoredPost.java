package ru.otklik.analysis;

import java.time.Instant;

/**
 * A post of an analysed batch as the database has it once its analysis is stored: what the incident and alert
 * stages read, fetched in the statement that marks the batch analysed.
 *
 * @param reach            likes + reposts + views
 * @param incidentId       the incident the post already belongs to (analysed before), or null
 * @param parentIncidentId the incident of the post this one comments on, or null
 */
public record StoredPost(long id, int version, Long parentId, String title, String text, String url, String authorHandle,
                         Instant publishedAt, long reach, Long incidentId, Long parentIncidentId) {
}
