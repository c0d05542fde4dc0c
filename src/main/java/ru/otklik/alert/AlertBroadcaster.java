package ru.otklik.alert;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Turns committed-alert notifications into alert views, once per node, for every live SSE client. */
@ApplicationScoped
public class AlertBroadcaster {

    private static final int BUFFER = 1_000;
    private static final Logger LOG = Logger.getLogger(AlertBroadcaster.class);

    private final BroadcastProcessor<AlertView> live = BroadcastProcessor.create();
    private final DatabaseNotifications notifications;
    private final AlertStore store;

    public AlertBroadcaster(DatabaseNotifications notifications, AlertStore store) {
        this.notifications = notifications;
        this.store = store;
    }

    void onStart(@Observes StartupEvent event) {
        notifications.channel(DatabaseNotifications.ALERT)
                .onItem().transformToUniAndConcatenate(id -> store.find(Long.parseLong(id))
                        .onFailure().invoke(e -> LOG.warn("Cannot load alert " + id + " for the live stream", e))
                        .onFailure().recoverWithNull())
                .subscribe().with(view -> {
                    if (view != null) {
                        live.onNext(view);
                    }
                }, e -> LOG.error("The live alert stream stopped", e));
    }

    /**
     * Alerts committed from now on. A client that falls more than {@code BUFFER} alerts behind is cut off
     * and catches up by reconnecting with Last-Event-ID.
     */
    public Multi<AlertView> live() {
        return live.onOverflow().buffer(BUFFER);
    }
}
