package ru.otklik.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key request limits. Buckets live in memory, so each node enforces the limit on its own; that is what
 * a limit against runaway scripts needs, and it costs no database write per request.
 */
@ApplicationScoped
public class RateLimiter {

    private final Map<Long, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes a request from the key's allowance, or throws {@link RateLimitedException} with the wait. */
    public void acquire(long keyId, int perMinute) {
        TokenBucket bucket = buckets.compute(keyId, (id, existing) ->
                existing != null && existing.perMinute() == perMinute ? existing : new TokenBucket(perMinute, clock.instant()));
        Duration wait = bucket.take(clock.instant());
        if (!wait.isZero()) {
            throw new RateLimitedException(perMinute, Math.max(1, (wait.toMillis() + 999) / 1000));
        }
    }

    /** Forgets a key's bucket, e.g. when the key is revoked. */
    public void forget(long keyId) {
        buckets.remove(keyId);
    }
}
