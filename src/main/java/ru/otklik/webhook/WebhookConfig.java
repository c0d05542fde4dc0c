package ru.otklik.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Delivery of alerts to registered webhooks from the outbox table. */
@ConfigMapping(prefix = "otklik.webhooks")
public interface WebhookConfig {

    /** How often due outbox rows are looked for when no notification woke the dispatcher ("1s", "PT5S"). */
    @WithDefault("2s")
    String pollInterval();

    /** Outbox rows claimed per round. */
    @WithDefault("20")
    int batchSize();

    /** Deliveries in flight at once. */
    @WithDefault("8")
    int concurrency();

    /** Whole-call timeout of one delivery attempt. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Wait before the second attempt; it doubles with every failure, up to {@link #maxBackoff()}. */
    @WithDefault("PT10S")
    Duration initialBackoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /** Attempts before a delivery is given up as failed (with the defaults: about a day and a half). */
    @WithDefault("40")
    int maxAttempts();

    /** A row claimed longer ago than this belongs to a node that died mid-delivery and is tried again. */
    @WithDefault("PT2M")
    Duration claimTimeout();
}
