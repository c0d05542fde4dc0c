package ru.otklik.webhook;

import ru.otklik.alert.AlertView;

/** An outbox row a dispatcher has claimed, with what it needs to send it. */
record ClaimedDelivery(long outboxId, int attempts, long webhookId, String url, String secret, AlertView alert) {
}
