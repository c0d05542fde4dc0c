package ru.otklik.security;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;

@Path("/api/admin/users")
@Tag(name = "admin", description = "Администрирование: пользователи, ключи API, вебхуки")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserAdminResource {

    /** A new account. */
    public record NewUser(String username, String password, String displayName, List<String> roles,
                          String agencyCode) {
    }

    /** A change to an account: only the fields sent are changed. */
    public record UserChange(String password, String displayName, List<String> roles, String agencyCode,
                             Boolean enabled) {
    }

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SecurityConfig config;
    private final CurrentUser current;
    private final Clock clock;

    public UserAdminResource(UserStore users, PasswordHasher hasher, SecurityConfig config, CurrentUser current,
                             Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.config = config;
        this.current = current;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Пользователи")
    public Uni<List<UserView>> list() {
        return users.list().map(all -> all.stream().map(UserView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Пользователь")
    public Uni<UserView> get(@PathParam("id") long id) {
        return existing(id).map(UserView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Создать пользователя", description = "Роли: analyst, press, agency (с agencyCode), admin.")
    public Uni<Response> create(NewUser body) {
        if (body == null) {
            throw ApiException.badRequest("Ожидается JSON с username, password и roles");
        }
        String username = UserRules.username(body.username());
        Set<String> roles = UserRules.roles(body.roles());
        String agency = UserRules.agency(roles, body.agencyCode());
        String password = UserRules.password(body.password(), config.minPasswordLength());
        String by = current.name();
        return blocking(() -> hasher.hash(password))
                .chain(hash -> users.insert(username, hash, body.displayName(), roles, agency, by, clock.instant()))
                .map(u -> Response.created(URI.create("/api/admin/users/" + u.id())).entity(UserView.of(u)).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Изменить пароль, имя, роли, ведомство или включить/отключить пользователя")
    public Uni<UserView> update(@PathParam("id") long id, UserChange change) {
        if (change == null) {
            throw ApiException.badRequest("Ожидается JSON с изменениями");
        }
        String password = change.password() == null ? null : UserRules.password(change.password(), config.minPasswordLength());
        return existing(id).chain(u -> {
            Set<String> roles = change.roles() == null ? u.roles() : UserRules.roles(change.roles());
            String agency = UserRules.agency(roles, change.agencyCode() != null ? change.agencyCode()
                    : roles.contains(Roles.AGENCY) ? u.agencyCode() : null);
            boolean enabled = change.enabled() == null ? u.enabled() : change.enabled();
            refuseSelfLockout(u, enabled, roles);
            Uni<String> hash = password == null ? Uni.createFrom().item(u.passwordHash()) : blocking(() -> hasher.hash(password));
            return hash.chain(h -> users.update(new UserAccount(u.id(), u.username(), h,
                    change.displayName() == null ? u.displayName() : change.displayName(), roles, agency, enabled,
                    u.createdBy(), u.createdAt(), u.updatedAt()), clock.instant()));
        }).map(UserView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Отключить пользователя", description = "Учётная запись остаётся в журналах, но войти больше нельзя.")
    public Uni<Response> disable(@PathParam("id") long id) {
        return existing(id).chain(u -> {
            refuseSelfLockout(u, false, u.roles());
            return users.update(new UserAccount(u.id(), u.username(), u.passwordHash(), u.displayName(), u.roles(),
                    u.agencyCode(), false, u.createdBy(), u.createdAt(), u.updatedAt()), clock.instant());
        }).map(u -> Response.noContent().build());
    }

    private void refuseSelfLockout(UserAccount u, boolean enabled, Set<String> roles) {
        if (u.username().equals(current.name()) && (!enabled || !roles.contains(Roles.ADMIN))) {
            throw ApiException.conflict("Нельзя отключить себя или снять с себя роль admin");
        }
    }

    private Uni<UserAccount> existing(long id) {
        return users.findById(id).map(u -> {
            if (u == null) {
                throw ApiException.notFound("Нет пользователя " + id);
            }
            return u;
        });
    }

    /** bcrypt is slow by design: off the event loop. */
    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
