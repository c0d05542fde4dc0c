package ru.otklik.crawler;

import java.time.Instant;

/**
 * The outcome of one run of one source, as {@code POST /api/sources/{key}/run} answers it.
 *
 * @param outcome  {@code success}, or the failure type in lower case ({@code transient}, {@code paused}, …)
 * @param error    the failure's message, null on success
 * @param more     the page budget ran out before the backlog did; the next run continues from the cursor
 * @param nextRunAt when the scheduler runs the source again
 */
public record CrawlReport(String source, String outcome, CrawlCounts counts, boolean more, String error,
                          Instant nextRunAt) {
}
