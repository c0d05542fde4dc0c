package ru.otklik.rating;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What ratings need to know about one incident — and nothing about its authors: statistics are
 * computed from these facts only, so no author identity can leak into them.
 *
 * @param firstResponseWorking working time to the first response, null if none yet
 * @param resolutionWorking    working time to resolution, null if not resolved
 * @param firstResponseOnTime  true/false once known (answered, or overdue while unanswered); null while still within target
 * @param resolutionOnTime     likewise for resolution
 * @param rating               the author's 1–5 rating as recorded by an analyst or the agency, null if none
 * @param reopened             whether the incident was reopened at least once ("not fixed")
 * @param satisfaction         estimate 0–1 from the author's follow-up comments, null if none
 */
public record IncidentFact(long incidentId, String agency, String municipality, String topic, Instant receivedAt,
                           Instant firstResponseAt, Instant resolvedAt, Duration firstResponseWorking,
                           Duration resolutionWorking, Boolean firstResponseOnTime, Boolean resolutionOnTime,
                           Integer rating, boolean reopened, Double satisfaction) {

    public IncidentFact {
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("rating must be 1–5, got " + rating);
        }
        if (satisfaction != null && (satisfaction < 0 || satisfaction > 1)) {
            throw new IllegalArgumentException("satisfaction must be within 0..1, got " + satisfaction);
        }
    }

    public boolean answered() {
        return firstResponseAt != null;
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    /** Handled: the agency answered or resolved it. */
    public boolean handled() {
        return answered() || resolved();
    }

    public String keyOf(RatingDimension dimension) {
        return dimension == RatingDimension.AGENCY ? agency : municipality;
    }
}
