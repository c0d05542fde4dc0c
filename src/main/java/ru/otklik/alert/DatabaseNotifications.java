package ru.otklik.alert;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * PostgreSQL LISTEN on the channels the alert, outbox and queued-post triggers NOTIFY. A notification arrives only after
 * the transaction that raised it committed, and on every node, so it is the signal to stream an alert or
 * to deliver an outbox row at once. It is a wake-up only: the outbox is also polled, and SSE clients
 * catch up with Last-Event-ID, so a notification lost while the connection was down loses nothing durable.
 */
@ApplicationScoped
public class DatabaseNotifications {

    public static final String ALERT = "otklik_alert";
    public static final String OUTBOX = "otklik_outbox";
    /** A post was queued for analysis (V63). */
    public static final String POST_QUEUED = "otklik_post";
    private static final int BUFFER = 10_000;
    private static final Logger LOG = Logger.getLogger(DatabaseNotifications.class);

    private final Map<String, BroadcastProcessor<String>> channels =
            Map.of(ALERT, BroadcastProcessor.create(), OUTBOX, BroadcastProcessor.create(),
                    POST_QUEUED, BroadcastProcessor.create());
    private final Vertx vertx;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile PgSubscriber subscriber;

    public DatabaseNotifications(Vertx vertx,
                                 @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                                 @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                                 @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        PgSubscriber pg = PgSubscriber.subscriber(vertx, options)
                // after a dropped connection: try again every second, for as long as the service runs
                .reconnectPolicy(retries -> 1000L);
        channels.forEach((name, processor) -> pg.channel(name).handler(processor::onNext));
        subscriber = pg;
        pg.connect()
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(ok -> LOG.debug("Listening for alert and outbox notifications"),
                        e -> LOG.error("Cannot listen for database notifications; webhooks fall back to polling", e));
    }

    /**
     * Payloads NOTIFYed on the channel from now on. Buffered per subscriber: a broadcast cannot wait for a
     * subscriber that is still busy with the previous notification.
     */
    public Multi<String> channel(String name) {
        return channels.get(name).onOverflow().buffer(BUFFER);
    }

    @PreDestroy
    void close() {
        PgSubscriber pg = subscriber;
        if (pg != null) {
            pg.closeAndForget();
        }
    }
}
