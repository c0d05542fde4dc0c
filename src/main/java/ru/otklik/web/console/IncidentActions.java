package ru.otklik.web.console;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import ru.otklik.common.ApiException;
import ru.otklik.incident.workflow.IncidentWorkflow;
import ru.otklik.incident.workflow.TransitionRequest;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;

/**
 * The incident page's forms: the agency's answer, reassignment and other status changes, all through the
 * incident workflow (its transition table decides what is allowed and what each change needs). On success
 * htmx is told to reload the page; a refused change comes back as a problem whose detail the page shows.
 */
@Path("/console/incidents/{id}/transition")
@RolesAllowed({Roles.ANALYST, Roles.AGENCY, Roles.ADMIN})
public class IncidentActions {

    private final IncidentWorkflow workflow;
    private final CurrentUser user;

    public IncidentActions(IncidentWorkflow workflow, CurrentUser user) {
        this.workflow = workflow;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> transition(@PathParam("id") long id, @RestForm String to, @RestForm String reason,
                                    @RestForm String agency, @RestForm String duplicateOf,
                                    @RestForm String answerText, @RestForm String answerUrl) {
        TransitionRequest request = new TransitionRequest(to, blank(reason), blank(agency), number(duplicateOf),
                blank(answerText), blank(answerUrl));
        return workflow.transition(id, request, new IncidentWorkflow.Actor(user.name(), user.agencyCode()))
                .map(incident -> Response.noContent().header("HX-Redirect", "/console/incidents/" + id).build());
    }

    /** The duplicate's number as typed; an empty field means none. */
    private static Long number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.strip().replaceFirst("^№\\s*", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Номер инцидента-оригинала должен быть числом, получено «" + s + "»");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
