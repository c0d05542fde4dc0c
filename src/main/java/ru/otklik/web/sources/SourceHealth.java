package ru.otklik.web.sources;

import java.time.Instant;
import java.util.List;

/**
 * A monitored source's state as the operators' page shows it.
 *
 * @param skipped  what recent runs left out and why (VK access errors, unparsable items), newest first
 * @param postsDay posts stored from it in the last 24 hours
 */
public record SourceHealth(long id, String key, String kind, String title, String url, boolean enabled, boolean healthy,
                           Instant lastRunAt, Instant lastSuccessAt, Instant lastErrorAt, String lastError,
                           int consecutiveFailures, Instant nextRunAt, int intervalSeconds, List<String> skipped,
                           long postsDay, long postsTotal) {

    /** Sources fed through {@code POST /api/posts} are not crawled: nothing to run or schedule. */
    public boolean crawled() {
        return !"api".equals(kind);
    }

    /** {@code ok}, {@code failing}, {@code off} or {@code new}: the row's colour. */
    public String state() {
        if (!enabled) {
            return "off";
        }
        if (!healthy || consecutiveFailures > 0 && lastSuccessAt == null) {
            return "failing";
        }
        return lastSuccessAt == null && crawled() ? "new" : "ok";
    }

    public String stateName() {
        return switch (state()) {
            case "off" -> "отключён";
            case "failing" -> "сбой";
            case "new" -> "ещё не опрашивался";
            default -> "работает";
        };
    }

    /** The deadline colour class the state borrows. */
    public String level() {
        return switch (state()) {
            case "failing" -> "overdue";
            case "new" -> "warning";
            case "off" -> "done";
            default -> "ok";
        };
    }
}
