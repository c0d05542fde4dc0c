package ru.otklik.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import ru.otklik.alert.DatabaseNotifications;
import ru.otklik.common.Rounds;

/**
 * Delivers outbox rows to webhooks: claims due rows, sends each signed, and records the outcome with the
 * next attempt time. Runs on a schedule and whenever a committed outbox row is notified; one round at a
 * time per node, and rows claimed with SKIP LOCKED, so nodes never send a row twice at once.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);

    private final OutboxStore outbox;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final DatabaseNotifications notifications;
    private final ObjectMapper json;
    private final Clock clock;
    private final Backoff backoff;
    private final Rounds rounds = new Rounds(this::round,
            e -> LOG.error("Webhook round failed; the outbox rows stay and are retried", e));

    public OutboxDispatcher(OutboxStore outbox, WebhookSender sender, WebhookConfig config,
                            DatabaseNotifications notifications, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.config = config;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
    }

    void onStart(@Observes StartupEvent event) {
        notifications.channel(DatabaseNotifications.OUTBOX).subscribe()
                .with(n -> wake(), e -> LOG.error("Outbox notifications stopped; the outbox is still polled", e));
    }

    @Scheduled(every = "${otklik.webhooks.poll-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Starts a round unless one is running; a running round is told to go once more. */
    public void wake() {
        rounds.wake();
    }

    private Uni<Integer> round() {
        return outbox.releaseStale(clock.instant(), config.claimTimeout()).chain(() -> drain());
    }

    /**
     * Claims and delivers until a claim comes back short; returns how many rows were claimed. A repetition, not a
     * recursion: a chain with each claim inside the previous one kept every delivered payload of a long backlog
     * (webhooks down for hours) reachable until the outbox was empty.
     */
    Uni<Integer> drain() {
        return Multi.createBy().repeating()
                .uni(() -> outbox.claim(clock.instant(), config.batchSize()).call(this::deliverAll).map(List::size))
                .whilst(claimed -> claimed == config.batchSize())
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Void> deliverAll(List<ClaimedDelivery> batch) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUni(this::deliver).merge(config.concurrency())
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> deliver(ClaimedDelivery d) {
        String body;
        try {
            body = json.writeValueAsString(WebhookPayload.of(d.alert()));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Instant attemptedAt = clock.instant();
        long timestamp = attemptedAt.getEpochSecond();
        String id = d.alert().messageId();
        Map<String, String> headers = Map.of(
                StandardWebhooks.ID, id,
                StandardWebhooks.TIMESTAMP, Long.toString(timestamp),
                StandardWebhooks.SIGNATURE, StandardWebhooks.sign(d.secret(), id, timestamp, body));
        return sender.post(d.url(), headers, body).chain(result -> {
            int failures = d.attempts() + 1;
            Instant next = result.delivered() || failures >= config.maxAttempts() ? null
                    : clock.instant().plus(backoff.next(failures));
            if (!result.delivered()) {
                LOG.debugf("Webhook %d, alert %d: attempt %d failed (%s)%s", d.webhookId(), d.alert().id(), failures,
                        result.error(), next == null ? ", given up" : ", next at " + next);
            }
            return outbox.record(d, attemptedAt, result, next);
        }).onFailure().invoke(e -> LOG.error("Cannot record delivery of outbox row " + d.outboxId()
                + "; it is released after the claim timeout", e))
                .onFailure().recoverWithNull();
    }
}
