package ru.otklik.web.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;
import ru.otklik.web.Viewer;

/**
 * {@code /console} opens each person's everyday page: the review queue for analysts and admins, alerts for
 * the press service, the incident board for agency staff.
 */
@Path("/console")
@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN})
public class ConsoleRoot {

    private final CurrentUser user;

    public ConsoleRoot(CurrentUser user) {
        this.user = user;
    }

    @GET
    public Response root() {
        return Response.seeOther(URI.create(Viewer.of(user).home())).build();
    }
}
