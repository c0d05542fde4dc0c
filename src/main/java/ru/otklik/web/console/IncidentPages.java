package ru.otklik.web.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import ru.otklik.incident.workflow.IncidentStatus;
import ru.otklik.incident.workflow.WorkflowTable;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;
import ru.otklik.web.Viewer;
import ru.otklik.web.board.BoardRow;
import ru.otklik.web.board.IncidentBoard;
import ru.otklik.web.board.IncidentDetailsQuery;
import ru.otklik.web.board.IncidentDetailsView;
import ru.otklik.web.review.ReferenceNames;

/** The incident board (coloured by time left, overdue first) and the page of one incident. */
@Path("/console/incidents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN})
public class IncidentPages {

    private static final int BOARD_SIZE = 300;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(Chrome chrome, List<BoardRow> rows, IncidentBoard.Filter filter,
                                             ReferenceNames.Catalog names);

        /** The table alone, for htmx's periodic refresh. */
        static native TemplateInstance board$rows(List<BoardRow> rows);

        static native TemplateInstance incident(Chrome chrome, IncidentDetailsView details, ReferenceNames.Catalog names,
                                                List<String> allowed, boolean canAct);
    }

    private final IncidentBoard board;
    private final IncidentDetailsQuery details;
    private final ReferenceNames references;
    private final CurrentUser user;

    public IncidentPages(IncidentBoard board, IncidentDetailsQuery details, ReferenceNames references, CurrentUser user) {
        this.board = board;
        this.details = details;
        this.references = references;
        this.user = user;
    }

    @GET
    public Uni<TemplateInstance> board(@QueryParam("scope") String scope, @QueryParam("status") String status,
                                       @QueryParam("topic") String topic, @QueryParam("agency") String agency,
                                       @QueryParam("municipality") String municipality,
                                       @HeaderParam("HX-Request") String htmx) {
        Viewer viewer = Viewer.of(user);
        // agency staff see their own agency's incidents whatever the filter asks for
        IncidentBoard.Filter filter = new IncidentBoard.Filter(scope, status, topic,
                viewer.agency().orElse(agency), municipality);
        Chrome chrome = new Chrome(viewer, Chrome.INCIDENTS);
        return board.rows(filter, BOARD_SIZE).chain(rows -> "true".equals(htmx)
                ? Uni.createFrom().item(Templates.board$rows(rows))
                : references.catalog().map(names -> Templates.board(chrome, rows, filter, names)));
    }

    @GET
    @Path("/{id}")
    public Uni<TemplateInstance> incident(@PathParam("id") long id) {
        Viewer viewer = Viewer.of(user);
        return references.catalog().chain(names -> details.load(id, viewer, names)
                .map(view -> Templates.incident(new Chrome(viewer, Chrome.INCIDENTS), view, names,
                        allowedFrom(view.incident().status()), viewer.hasRole(Roles.ANALYST)
                                || viewer.hasRole(Roles.AGENCY) || viewer.hasRole(Roles.ADMIN))));
    }

    /** The statuses the workflow's transition table allows next, for the status form. */
    private static List<String> allowedFrom(String status) {
        return WorkflowTable.allowedFrom(IncidentStatus.fromCode(status)).stream().map(IncidentStatus::code)
                .sorted().toList();
    }
}
