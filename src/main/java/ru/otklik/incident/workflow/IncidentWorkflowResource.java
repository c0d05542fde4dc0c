package ru.otklik.incident.workflow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
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

@Path("/api/incidents/{id}")
@Tag(name = "incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentWorkflowResource {

    private final IncidentWorkflow workflow;
    private final IncidentViews views;
    private final DeadlineService deadlines;
    private final Clock clock;

    public IncidentWorkflowResource(IncidentWorkflow workflow, IncidentViews views, DeadlineService deadlines, Clock clock) {
        this.workflow = workflow;
        this.views = views;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The statuses reachable from the current one, with what each needs. */
    public record Allowed(String status, List<String> allowed) {
    }

    @GET
    @Path("/transitions")
    @Operation(summary = "Допустимые переходы из текущего статуса инцидента")
    public Uni<Allowed> allowed(@PathParam("id") long id) {
        return Panache.withSession(() -> Incident.<Incident>findById(id)).map(incident -> {
            if (incident == null) {
                throw ApiException.notFound("Нет инцидента " + id);
            }
            IncidentStatus status = IncidentStatus.fromCode(incident.status);
            return new Allowed(status.code(), WorkflowTable.allowedFrom(status).stream().map(IncidentStatus::code).sorted().toList());
        });
    }

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Сменить статус инцидента",
            description = "Переход проверяется по таблице переходов; недопустимый — 409. Назначение и переназначение "
                    + "(to=assigned) требуют agency, переназначение и отклонение — reason, ответ (answered) — answerText, "
                    + "дубликат — duplicateOf. Каждое изменение записывается в историю с actor, временем и причиной.")
    public Uni<IncidentView> transition(@PathParam("id") long id, TransitionRequest request) {
        return workflow.transition(id, request).chain(this::view);
    }

    @POST
    @Path("/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Записать оценку автора (1–5) и/или «не исправлено» — это переоткрывает инцидент")
    public Uni<IncidentView> feedback(@PathParam("id") long id, FeedbackRequest request) {
        return workflow.feedback(id, request).chain(this::view);
    }

    @GET
    @Path("/sla")
    @Operation(summary = "Сроки инцидента на обоих часах: рабочее и календарное время, пауза, израсходованный процент")
    public Uni<List<SlaStatus>> sla(@PathParam("id") long id) {
        return Panache.withSession(() -> Incident.<Incident>findById(id).chain(incident -> {
            if (incident == null) {
                throw ApiException.notFound("Нет инцидента " + id);
            }
            return deadlines.status(id, clock.instant());
        }));
    }

    private Uni<IncidentView> view(Incident incident) {
        return Panache.withSession(() -> views.of(List.of(incident))).map(list -> list.get(0));
    }
}
