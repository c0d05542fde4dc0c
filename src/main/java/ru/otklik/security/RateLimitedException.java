package ru.otklik.security;

/** A key went over its request limit; the API answers 429 with {@code Retry-After}. */
public class RateLimitedException extends RuntimeException {

    private final int perMinute;
    private final long retryAfterSeconds;

    public RateLimitedException(int perMinute, long retryAfterSeconds) {
        super("API key over its limit of " + perMinute + " requests a minute", null, false, false);
        this.perMinute = perMinute;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int perMinute() {
        return perMinute;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
