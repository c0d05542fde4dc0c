package ru.otklik.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who am I, and logging out of the form session. */
@Path("/api")
@Tag(name = "session", description = "Текущий пользователь и выход")
public class SessionResource {

    /** The caller as the console needs it. */
    public record Me(String name, List<String> roles, String agencyCode, boolean seesAuthors) {
    }

    private final SecurityIdentity identity;
    private final CurrentUser current;
    private final String loginPage;
    private final String cookieName;

    public SessionResource(SecurityIdentity identity, CurrentUser current,
                           @ConfigProperty(name = "quarkus.http.auth.form.login-page") String loginPage,
                           @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.identity = identity;
        this.current = current;
        this.loginPage = loginPage;
        this.cookieName = cookieName;
    }

    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Текущий пользователь: имя, роли, ведомство")
    public Me me() {
        return new Me(current.name(), List.copyOf(new TreeSet<>(identity.getRoles())),
                current.agencyCode().orElse(null), current.seesAuthors());
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(summary = "Выйти: удаляет cookie сеанса и ведёт на страницу входа")
    public Response logout() {
        // the session lives only in this cookie: expiring it ends the session
        NewCookie expired = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create(loginPage)).cookie(expired).build();
    }
}
