package ru.otklik.web.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import ru.otklik.alert.AlertStore;
import ru.otklik.alert.AlertView;
import ru.otklik.common.ApiException;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;
import ru.otklik.web.Viewer;
import ru.otklik.web.review.ReferenceNames;

/**
 * Live alerts for the press service. The page lists the latest alerts; the browser listens to
 * {@code /api/alerts/stream} and, for each new alert, fetches its card from {@link #item}, so a card is
 * rendered by one template whether it came with the page or live.
 */
@Path("/console/alerts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PRESS, Roles.ANALYST, Roles.ADMIN})
public class AlertsPage {

    private static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(Chrome chrome, List<AlertView> alerts, ReferenceNames.Catalog names);

        static native TemplateInstance item(AlertView alert, ReferenceNames.Catalog names);
    }

    private final AlertStore store;
    private final ReferenceNames references;
    private final Clock clock;
    private final CurrentUser user;

    public AlertsPage(AlertStore store, ReferenceNames references, Clock clock, CurrentUser user) {
        this.store = store;
        this.references = references;
        this.clock = clock;
        this.user = user;
    }

    @GET
    public Uni<TemplateInstance> page() {
        return references.catalog().chain(names -> store.list(null, null, null, PAGE_SIZE)
                .map(alerts -> Templates.alerts(new Chrome(Viewer.of(user), Chrome.ALERTS),
                        alerts.size() > PAGE_SIZE ? alerts.subList(0, PAGE_SIZE) : alerts, names)));
    }

    @GET
    @Path("/{id}")
    public Uni<TemplateInstance> item(@PathParam("id") long id) {
        return store.find(id).chain(alert -> card(alert, id));
    }

    @POST
    @Path("/{id}/ack")
    public Uni<TemplateInstance> acknowledge(@PathParam("id") long id) {
        return store.acknowledge(id, user.name(), clock.instant()).chain(alert -> card(alert, id));
    }

    private Uni<TemplateInstance> card(AlertView alert, long id) {
        if (alert == null) {
            throw ApiException.notFound("Нет оповещения " + id);
        }
        return references.catalog().map(names -> Templates.item(alert, names));
    }
}
