package ru.otklik.crawler.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces requests per bucket (a host, or an API token): each caller reserves the next free slot and
 * sleeps until it. Reserving under a lock keeps concurrent crawls of one host from bunching up.
 */
public class Politeness {

    private final Map<String, Long> nextFreeNanos = new HashMap<>();

    /** Blocks until the bucket's next slot; the caller runs on a worker thread, never the event loop. */
    public void await(String bucket, Duration interval) throws InterruptedException {
        long wait = reserve(bucket, interval.toNanos(), System.nanoTime());
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Reserves a slot and returns how long to wait for it, in nanoseconds. */
    synchronized long reserve(String bucket, long intervalNanos, long now) {
        Long free = nextFreeNanos.get(bucket);
        long slot = free == null || free - now < 0 ? now : free;
        nextFreeNanos.put(bucket, slot + intervalNanos);
        return slot - now;
    }
}
