package ru.otklik.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.DatabaseUnavailable;

/** Who am I, and logging out of the form session. */
@Path("/api")
@Tag(name = "session", description = "Текущий пользователь и выход")
public class SessionResource {

    /** The caller as the console needs it. */
    public record Me(String name, List<String> roles, String agencyCode, boolean seesAuthors) {
    }

    private final SecurityIdentity identity;
    private final CurrentIdentityAssociation identities;
    private final CurrentUser current;
    private final UserStore users;
    private final String loginPage;
    private final String cookieName;

    public SessionResource(SecurityIdentity identity, CurrentIdentityAssociation identities, CurrentUser current,
                           UserStore users,
                           @ConfigProperty(name = "quarkus.http.auth.form.login-page") String loginPage,
                           @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.identity = identity;
        this.identities = identities;
        this.current = current;
        this.users = users;
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
    @Operation(summary = "Выйти: завершает все сеансы пользователя, удаляет cookie и ведёт на страницу входа")
    public Uni<Response> logout() {
        NewCookie expired = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true).build();
        Response toLogin = Response.seeOther(URI.create(loginPage)).cookie(expired).build();
        // expiring the cookie is not enough: a copy of it stays valid until its timeout unless the server
        // refuses it. The system clock, not the injected one: Quarkus stamps the cookie with it.
        return identities.getDeferredIdentity()
                // a session that already ended: nothing to end, the cookie is still cleared
                .onFailure(e -> e instanceof AuthenticationFailedException && !DatabaseUnavailable.isCause(e))
                .recoverWithNull()
                .chain(who -> who == null || who.isAnonymous() || who.getAttribute(Identities.API_KEY_ID) != null
                        ? Uni.createFrom().voidItem()
                        : users.endSessions(who.getPrincipal().getName(), Instant.now()))
                .replaceWith(toLogin);
    }
}
