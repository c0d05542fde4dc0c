package ru.otklik.api;

import jakarta.annotation.security.RolesAllowed;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Date;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.analysis.Rubric;
import ru.otklik.common.ApiException;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;
import ru.otklik.incident.Incident;
import ru.otklik.incident.IncidentView;
import ru.otklik.incident.IncidentViews;
import ru.otklik.nlp.routing.Agency;
import ru.otklik.nlp.routing.RoutingTable;

/** An agency's incidents as RSS 2.0 and Atom, for staff who follow them in a feed reader or a mail client. */
@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN, Roles.FEEDS_READ})
@Path("/api/agencies")
@Tag(name = "agencies", description = "Ведомства и их ленты инцидентов")
public class AgencyFeedResource {

    static final int FEED_SIZE = 50;

    private final RoutingTable routing;
    private final IncidentViews views;
    private final Rubric rubric;
    private final CurrentUser user;

    public AgencyFeedResource(RoutingTable routing, IncidentViews views, Rubric rubric, CurrentUser user) {
        this.routing = routing;
        this.views = views;
        this.rubric = rubric;
        this.user = user;
    }

    @GET
    @Produces("application/json")
    @Operation(summary = "Ведомства из таблицы маршрутизации")
    public List<Agency> agencies() {
        return List.copyOf(routing.agencies());
    }

    @GET
    @Path("/{code}/incidents.rss")
    @Produces("application/rss+xml; charset=UTF-8")
    @Operation(summary = "Инциденты ведомства в RSS 2.0, недавно изменённые первыми")
    public Uni<String> rss(@PathParam("code") String code, @Context UriInfo uri) {
        return feed(code, "rss_2.0", uri);
    }

    @GET
    @Path("/{code}/incidents.atom")
    @Produces("application/atom+xml; charset=UTF-8")
    @Operation(summary = "Инциденты ведомства в Atom 1.0, недавно изменённые первыми")
    public Uni<String> atom(@PathParam("code") String code, @Context UriInfo uri) {
        return feed(code, "atom_1.0", uri);
    }

    private Uni<String> feed(String code, String type, UriInfo uri) {
        // agency staff read their own agency's feed only; another agency's is as if it did not exist
        Agency agency = routing.agency(code)
                .filter(a -> user.agencyCode().map(a.code()::equals).orElse(true))
                .orElseThrow(() -> ApiException.notFound("Нет ведомства с кодом " + code));
        return Panache.withSession(() -> Incident.<Incident>find("agencyCode = ?1 order by updatedAt desc, id desc", code)
                        .page(0, FEED_SIZE).list().chain(views::of))
                .map(incidents -> render(agency, incidents, type, uri));
    }

    private String render(Agency agency, List<IncidentView> incidents, String type, UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle("Отклик: инциденты — " + agency.name());
        feed.setDescription("Жалобы жителей, переданные ведомству «" + agency.name() + "»");
        feed.setLink(base + "/api/incidents?agency=" + agency.code());
        feed.setUri(feed.getLink());
        feed.setLanguage("ru");
        feed.setPublishedDate(incidents.isEmpty() ? new Date(0) : Date.from(incidents.get(0).updatedAt()));
        feed.setEntries(incidents.stream().map(i -> entry(i, base)).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot render the feed of " + agency.code(), e);
        }
    }

    private SyndEntry entry(IncidentView i, String base) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle("[" + rubric.name(i.topic()).orElse(i.topic()) + "] " + i.title());
        entry.setLink(base + "/api/incidents/" + i.id());
        entry.setUri("urn:otklik:incident:" + i.id());
        entry.setPublishedDate(Date.from(i.createdAt()));
        entry.setUpdatedDate(Date.from(i.updatedAt()));
        SyndContentImpl description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue("Статус: " + i.status() + ". Приоритет: " + i.priority() + ". Срок: " + i.deadline()
                + (i.municipalityName() == null ? "" : ". " + i.municipalityName()) + ". Постов: " + i.postCount() + ".");
        entry.setDescription(description);
        return entry;
    }
}
