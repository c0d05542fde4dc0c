package ru.otklik.webhook;

import java.time.Instant;
import ru.otklik.alert.AlertView;

/** The body of a webhook call, in the Standard Webhooks shape: an event type, when it happened, the data. */
public record WebhookPayload(String type, Instant timestamp, AlertView data) {

    public static final String ALERT_RAISED = "alert.raised";

    static WebhookPayload of(AlertView alert) {
        return new WebhookPayload(ALERT_RAISED, alert.createdAt(), alert.asRaised());
    }
}
