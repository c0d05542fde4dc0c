package ru.otklik.security;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;

@Path("/api/admin/api-keys")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ApiKeyAdminResource {

    /** A key to create: a name for people, its scopes, and optionally its own limit. */
    public record NewKey(String name, List<String> scopes, Integer ratePerMinute) {
    }

    private final ApiKeyStore keys;
    private final ApiKeyCache cache;
    private final RateLimiter limiter;
    private final SecurityConfig config;
    private final CurrentUser current;
    private final Clock clock;

    public ApiKeyAdminResource(ApiKeyStore keys, ApiKeyCache cache, RateLimiter limiter, SecurityConfig config,
                               CurrentUser current, Clock clock) {
        this.keys = keys;
        this.cache = cache;
        this.limiter = limiter;
        this.config = config;
        this.current = current;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Создать ключ API", description = "Ключ виден только в этом ответе; хранится лишь его хеш. "
            + "Области: posts:write, feeds:read, alerts:read.")
    public Uni<Response> create(NewKey body) {
        if (body == null || body.name() == null || body.name().isBlank()) {
            throw ApiException.badRequest("Укажите name — для кого или для чего ключ");
        }
        Set<String> scopes = scopes(body.scopes());
        if (body.ratePerMinute() != null && body.ratePerMinute() < 1) {
            throw ApiException.badRequest("ratePerMinute должен быть положительным");
        }
        String key = ApiKeys.generate();
        return keys.insert(body.name().strip(), key, scopes, body.ratePerMinute(), current.name(), clock.instant())
                .map(k -> Response.created(URI.create("/api/admin/api-keys/" + k.id()))
                        .entity(ApiKeyView.of(k, key, config.apiKeys().defaultRatePerMinute())).build());
    }

    @GET
    @Operation(summary = "Ключи API (без самих ключей)")
    public Uni<List<ApiKeyView>> list() {
        int rate = config.apiKeys().defaultRatePerMinute();
        return keys.list().map(all -> all.stream().map(k -> ApiKeyView.of(k, null, rate)).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Отозвать ключ API", description = "Действует сразу: следующий запрос с ним получит 401.")
    public Uni<ApiKeyView> revoke(@PathParam("id") long id) {
        return keys.revoke(id, current.name(), clock.instant()).map(k -> {
            if (k == null) {
                throw ApiException.notFound("Нет ключа API " + id);
            }
            limiter.forget(id);
            cache.forget(id);
            return ApiKeyView.of(k, null, config.apiKeys().defaultRatePerMinute());
        });
    }

    static Set<String> scopes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.badRequest("Укажите scopes: " + String.join(", ", new TreeSet<>(Roles.SCOPES)));
        }
        Set<String> scopes = new TreeSet<>();
        for (String s : requested) {
            if (s == null || !Roles.SCOPES.contains(s.strip())) {
                throw ApiException.badRequest("Неизвестная область «" + s + "»; допустимы: "
                        + String.join(", ", new TreeSet<>(Roles.SCOPES)));
            }
            scopes.add(s.strip());
        }
        return scopes;
    }
}
