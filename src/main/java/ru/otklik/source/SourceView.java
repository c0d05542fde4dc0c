package ru.otklik.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A source as the API shows it: its definition, and its health.
 *
 * @param healthy             false after repeated failures, a skip (private/deleted source) or a refused token
 * @param lastSuccessAt       end of the last run that stored its pages
 * @param lastErrorAt         when the last failure happened (kept after a later success, for the record)
 * @param lastError           the last failure's text
 * @param consecutiveFailures failures since the last success
 * @param nextRunAt           when the scheduler runs it next
 * @param lastSkipped         items recent runs left out, with the reason
 */
public record SourceView(String key, String kind, String title, String url, JsonNode config, String origin,
                         boolean enabled, int intervalSeconds, int jitterSeconds, boolean healthy, Instant lastRunAt,
                         Instant lastSuccessAt, Instant lastErrorAt, String lastError, int consecutiveFailures,
                         Instant nextRunAt, JsonNode cursor, JsonNode lastSkipped) {

    public static SourceView of(Source s) {
        return new SourceView(s.key, s.kind, s.title, s.url, s.config, s.origin, s.enabled, s.intervalSeconds,
                s.jitterSeconds, s.healthy, s.lastRunAt, s.lastSuccessAt, s.lastErrorAt, s.lastError,
                s.consecutiveFailures, s.nextRunAt, s.cursor, s.lastSkipped);
    }
}
