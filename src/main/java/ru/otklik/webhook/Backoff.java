package ru.otklik.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so receivers that come back are not hit by every sender at once. */
final class Backoff {

    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The wait after the {@code failures}-th failed attempt (1-based), before jitter. */
    Duration base(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 || d.isNegative() ? max : d;
    }

    /** {@link #base(int)} ± 20 %. */
    Duration next(int failures) {
        double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, (long) (base(failures).toMillis() * factor)));
    }
}
