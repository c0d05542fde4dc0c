package ru.otklik.web.review;

import java.time.Instant;

/**
 * A stored verdict and what it changed.
 *
 * @param decision          {@code confirmed}, {@code rejected} or {@code corrected} (a confirm whose labels
 *                          differ from the model's is stored as corrected)
 * @param incidentCorrected whether the post's incident took the corrected topic, agency or place
 */
public record ReviewResult(long id, long postId, int postVersion, String decision, String topic, String agency,
                           String municipality, String modelTopic, String modelAgency, String modelMunicipality,
                           String reviewer, Instant reviewedAt, Long incidentId, boolean incidentCorrected) {
}
