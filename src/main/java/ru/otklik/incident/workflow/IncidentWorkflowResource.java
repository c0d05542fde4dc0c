package ru.otklik.incident.workflow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;
import ru.otklik.incident.Incident;
import ru.otklik.incident.IncidentView;
import ru.otklik.incident.IncidentViews;
import ru.otklik.incident.deadline.DeadlineService;
import ru.otklik.incident.sla.SlaStatus;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;

/**
 * The workflow over REST. Reading is open to everyone who reads the feeds; changing to the centre's
 * operators and to agency staff for their own agency's incidents (see {@link IncidentWorkflow}).
 */
@Path("/api/incidents/{id}")
@Tag(name = "incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN, Roles.FEEDS_READ})
public class IncidentWorkflowResource {

    private final IncidentWorkflow workflow;
    private final IncidentViews views;
    private final DeadlineService deadlines;
    private final Clock clock;
    private final CurrentUser user;

    public IncidentWorkflowResource(IncidentWorkflow workflow, IncidentViews views, DeadlineService deadlines, Clock clock,
                                    CurrentUser user) {
        this.workflow = workflow;
        this.views = views;
        this.deadlines = deadlines;
        this.clock = clock;
        this.user = user;
    }

    /** The statuses reachable from the current one, with what each needs. */
    public record Allowed(String status, List<String> allowed) {
    }

    @GET
    @Path("/transitions")
    @Operation(summary = "Допустимые переходы из текущего статуса инцидента")
    public Uni<Allowed> allowed(@PathParam("id") long id) {
        return Panache.withSession(() -> Incident.<Incident>findById(id)).map(incident -> {
            visible(incident, id);
            IncidentStatus status = IncidentStatus.fromCode(incident.status);
            return new Allowed(status.code(), WorkflowTable.allowedFrom(status).stream().map(IncidentStatus::code).sorted().toList());
        });
    }

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.AGENCY, Roles.ADMIN})
    @Operation(summary = "Сменить статус инцидента",
            description = "Переход проверяется по таблице переходов; недопустимый — 409. Назначение и переназначение "
                    + "(to=assigned) требуют agency, переназначение и отклонение — reason, ответ (answered) — answerText, "
                    + "дубликат — duplicateOf. Каждое изменение записывается в историю с автором (вошедшим пользователем), "
                    + "временем и причиной. Сотрудник ведомства меняет только инциденты своего ведомства и только на "
                    + "in_progress, waiting_for_author, answered, resolved, rejected_not_competent.")
    public Uni<IncidentView> transition(@PathParam("id") long id, TransitionRequest request) {
        return workflow.transition(id, request, actor()).chain(this::view);
    }

    @POST
    @Path("/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.AGENCY, Roles.ADMIN})
    @Operation(summary = "Записать оценку автора (1–5) и/или «не исправлено» — это переоткрывает инцидент")
    public Uni<IncidentView> feedback(@PathParam("id") long id, FeedbackRequest request) {
        return workflow.feedback(id, request, actor()).chain(this::view);
    }

    @GET
    @Path("/sla")
    @Operation(summary = "Сроки инцидента на обоих часах: рабочее и календарное время, пауза, израсходованный процент")
    public Uni<List<SlaStatus>> sla(@PathParam("id") long id) {
        return Panache.withSession(() -> Incident.<Incident>findById(id).chain(incident -> {
            visible(incident, id);
            return deadlines.status(id, clock.instant());
        }));
    }

    private IncidentWorkflow.Actor actor() {
        return new IncidentWorkflow.Actor(user.name(), user.agencyCode());
    }

    /** Another agency's incident does not exist for an agency user. */
    private void visible(Incident incident, long id) {
        if (incident == null || !user.agencyCode().map(a -> a.equals(incident.agencyCode)).orElse(true)) {
            throw ApiException.notFound("Нет инцидента " + id);
        }
    }

    private Uni<IncidentView> view(Incident incident) {
        return Panache.withSession(() -> views.of(List.of(incident))).map(list -> list.get(0));
    }
}
