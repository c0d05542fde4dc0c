package ru.otklik.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When a post or an incident becomes an alert for the press service, and how alerts are streamed. */
@ConfigMapping(prefix = "otklik.alerts")
public interface AlertConfig {

    /** Conflict score (0–1: aggression, threats, escalation) at or above which a post raises an alert. */
    @WithDefault("0.8")
    double conflict();

    /** Reach (likes + reposts + views) at or above which a post, or an incident in total, raises an alert. */
    @WithDefault("10000")
    long reach();

    Growth growth();

    /** How often an idle SSE stream sends a comment, so proxies keep it open. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** Most alerts replayed to an SSE client reconnecting with Last-Event-ID. */
    @WithDefault("500")
    int replayLimit();

    interface Growth {
        /** Posts within {@link #window()} that make a thread or an incident "fast-growing". */
        @WithDefault("10")
        int posts();

        /** The window the posts are counted in, by their publication times. */
        @WithDefault("PT1H")
        Duration window();
    }
}
