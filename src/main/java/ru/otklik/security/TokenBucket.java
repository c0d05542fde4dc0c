package ru.otklik.security;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket holding up to {@code perMinute} tokens and refilled at {@code perMinute} a minute: a key may
 * burst its whole minute's allowance, then runs at the steady rate.
 */
final class TokenBucket {

    private final int perMinute;
    private final double nanosPerToken;
    private double tokens;
    private Instant refilledAt;

    TokenBucket(int perMinute, Instant now) {
        this.perMinute = perMinute;
        this.nanosPerToken = 60e9 / perMinute;
        this.tokens = perMinute;
        this.refilledAt = now;
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes a token; when none is left, returns how long until the next one (and takes nothing). */
    synchronized Duration take(Instant now) {
        long elapsed = Math.max(0, Duration.between(refilledAt, now).toNanos());
        tokens = Math.min(perMinute, tokens + elapsed / nanosPerToken);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) * nanosPerToken));
    }
}
