package ru.otklik.api;

import jakarta.annotation.security.RolesAllowed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.analysis.Rubric;
import ru.otklik.common.ApiException;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;
import ru.otklik.common.Filter;
import ru.otklik.incident.Incident;
import ru.otklik.incident.IncidentViews;

/**
 * The Open311 GeoReport v2 read API, so city dashboards and civic apps that speak it can show the region's
 * incidents: services are the rubric's topics, requests are incidents.
 */
@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN, Roles.FEEDS_READ})
@Path("/open311/v2")
@Tag(name = "open311", description = "Open311 GeoReport v2 (только чтение)")
@Produces(MediaType.APPLICATION_JSON)
public class Open311Resource {

    static final int MAX_REQUESTS = 1000;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    private final Rubric rubric;
    private final IncidentViews views;
    private final Clock clock;
    private final CurrentUser user;

    public Open311Resource(Rubric rubric, IncidentViews views, Clock clock, CurrentUser user) {
        this.rubric = rubric;
        this.views = views;
        this.clock = clock;
        this.user = user;
    }

    @GET
    @Path("/services.json")
    @Operation(summary = "Услуги GeoReport: темы рубрикатора")
    public List<Open311Service> services() {
        return rubric.topics().entrySet().stream()
                .map(t -> new Open311Service(t.getKey(), t.getValue(), t.getValue(), false, "realtime", null,
                        "Обращения жителей"))
                .toList();
    }

    @GET
    @Path("/requests.json")
    @Operation(summary = "Заявки GeoReport: инциденты",
            description = "Фильтры service_code, status (open/closed), start_date, end_date (по умолчанию последние 90 дней); "
                    + "до 1000 заявок, новые первыми.")
    public Uni<List<Open311Request>> requests(@QueryParam("service_code") String serviceCode,
                                              @QueryParam("status") String status,
                                              @QueryParam("start_date") OffsetDateTime startDate,
                                              @QueryParam("end_date") OffsetDateTime endDate) {
        if (status != null && !status.equals("open") && !status.equals("closed")) {
            throw ApiException.badRequest("status должен быть open или closed");
        }
        Instant end = endDate == null ? clock.instant() : endDate.toInstant();
        Instant start = startDate == null ? end.minus(DEFAULT_WINDOW) : startDate.toInstant();
        Filter filter = new Filter()
                .and("topic = :topic", "topic", serviceCode)
                .and("agencyCode = :scope", "scope", user.agencyCode().orElse(null))
                .and("firstSeenAt >= :start", "start", start)
                .and("firstSeenAt < :end", "end", end)
                .and(status == null ? null : ("closed".equals(status) ? "" : "not ") + "(status in :closed)",
                        "closed", status == null ? null : Open311Request.CLOSED);
        return Panache.withSession(() -> Incident.<Incident>find(filter.query("firstSeenAt desc, id desc"),
                        filter.parameters()).page(0, MAX_REQUESTS).list().chain(views::of))
                .map(list -> list.stream().map(i -> Open311Request.of(i, rubric.name(i.topic()).orElse(i.topic())))
                        .toList());
    }

    @GET
    @Path("/requests/{id}.json")
    @Operation(summary = "Одна заявка GeoReport")
    public Uni<List<Open311Request>> request(@PathParam("id") String id) {
        long incidentId;
        try {
            incidentId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Нет заявки " + id);
        }
        return Panache.withSession(() -> Incident.<Incident>findById(incidentId).chain(incident -> {
            if (incident == null || user.agencyCode().filter(a -> !a.equals(incident.agencyCode)).isPresent()) {
                throw ApiException.notFound("Нет заявки " + id);
            }
            return views.of(List.of(incident));
        })).map(list -> list.stream().map(i -> Open311Request.of(i, rubric.name(i.topic()).orElse(i.topic()))).toList());
    }
}
