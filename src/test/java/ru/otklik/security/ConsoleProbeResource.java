package ru.otklik.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A console page stand-in (tests only): shows that HTML pages redirect to the login form. */
@Path("/console/probe")
public class ConsoleProbeResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.ANALYST)
    @Operation(hidden = true)
    public String page() {
        return "<html><body>probe</body></html>";
    }
}
