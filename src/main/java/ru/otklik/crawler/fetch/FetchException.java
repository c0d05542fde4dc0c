package ru.otklik.crawler.fetch;

import java.time.Instant;

/**
 * A fetch that gave up. {@code retryable} failures (timeouts, 5xx, 429) are worth another run soon;
 * the others (404, 403, an oversized body) need a person. {@code retryAt}, when set, is the server's own
 * Retry-After, which the scheduler honours for the next run.
 */
public class FetchException extends Exception {

    private final int status;
    private final boolean retryable;
    private final Instant retryAt;

    public FetchException(String message, int status, boolean retryable, Instant retryAt, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
        this.retryAt = retryAt;
    }

    /** HTTP status, or 0 when no response came (timeout, reset). */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
