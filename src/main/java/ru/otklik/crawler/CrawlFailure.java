package ru.otklik.crawler;

import java.time.Instant;

/**
 * A crawl that failed in a way the scheduler must react to. Other exceptions (a parser's on malformed data)
 * count as {@link Type#TRANSIENT}.
 */
public class CrawlFailure extends RuntimeException {

    public enum Type {
        /** Network trouble, 5xx, malformed page: try again after a back-off. */
        TRANSIENT,
        /** The platform refuses this source for now (captcha, exhausted quota): resume at {@code resumeAt}. */
        PAUSED,
        /** The source cannot be read (private, deleted, 404): recorded, source unhealthy, retried at its interval. */
        SKIPPED,
        /** The credentials are invalid (VK error 5): source unhealthy and an alert raised. */
        AUTH
    }

    private final Type type;
    private final Instant resumeAt;

    public CrawlFailure(Type type, String message, Instant resumeAt, Throwable cause) {
        super(message, cause);
        this.type = type;
        this.resumeAt = resumeAt;
    }

    public static CrawlFailure transientFailure(String message, Instant resumeAt, Throwable cause) {
        return new CrawlFailure(Type.TRANSIENT, message, resumeAt, cause);
    }

    public static CrawlFailure paused(String message, Instant until) {
        return new CrawlFailure(Type.PAUSED, message, until, null);
    }

    public static CrawlFailure skipped(String message) {
        return new CrawlFailure(Type.SKIPPED, message, null, null);
    }

    public static CrawlFailure auth(String message) {
        return new CrawlFailure(Type.AUTH, message, null, null);
    }

    public Type type() {
        return type;
    }

    /** When to try again, or null for the normal back-off. */
    public Instant resumeAt() {
        return resumeAt;
    }
}
