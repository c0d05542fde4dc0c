package ru.otklik.web.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /console} opens the review queue, the analysts' everyday page. */
@Path("/console")
public class ConsoleRoot {

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/console/review")).build();
    }
}
