package ru.otklik.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;
import ru.otklik.common.Page;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;

@Path("/api/admin/webhooks")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookAdminResource {

    /** A receiver to register; without a secret one is generated. */
    public record NewWebhook(String url, String description, String secret) {
    }

    private final WebhookStore store;
    private final CurrentUser user;
    private final Clock clock;

    public WebhookAdminResource(WebhookStore store, CurrentUser user, Clock clock) {
        this.store = store;
        this.user = user;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Зарегистрировать вебхук", description = "Получает новые оповещения POST-запросом, подписанным "
            + "по Standard Webhooks; секрет (whsec_…) показывается только в этом ответе.")
    public Uni<Response> register(NewWebhook body) {
        if (body == null || body.url() == null) {
            throw ApiException.badRequest("Укажите url получателя");
        }
        URI url;
        try {
            url = URI.create(body.url().strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("url не разобран: " + body.url());
        }
        if (url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw ApiException.badRequest("url должен быть адресом http или https, получено: " + body.url());
        }
        String secret = body.secret() == null ? StandardWebhooks.newSecret() : body.secret().strip();
        if (!StandardWebhooks.isValidSecret(secret)) {
            throw ApiException.badRequest("secret должен иметь вид whsec_<base64 не короче 16 байт>");
        }
        return store.insert(url.toString(), secret, body.description(), user.name(), clock.instant())
                .map(w -> Response.created(URI.create("/api/admin/webhooks/" + w.id()))
                        .entity(WebhookView.of(w, true)).build());
    }

    @GET
    @Operation(summary = "Вебхуки (без секретов)")
    public Uni<List<WebhookView>> list() {
        return store.list().map(all -> all.stream().map(w -> WebhookView.of(w, false)).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Отключить вебхук", description = "Новые оповещения ему не отправляются, ожидающие доставки "
            + "отменяются; журнал доставок сохраняется.")
    public Uni<WebhookView> delete(@PathParam("id") long id) {
        return store.deactivate(id, user.name(), clock.instant()).map(w -> {
            if (w == null) {
                throw ApiException.notFound("Нет вебхука " + id);
            }
            return WebhookView.of(w, false);
        });
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Журнал доставок вебхука, последние первыми", description = "Каждая попытка: статус "
            + "ответа, ошибка, длительность и итог (delivered, retry, failed); limit до 500.")
    public Uni<List<DeliveryLogEntry>> deliveries(@PathParam("id") long id, @QueryParam("limit") Integer limit) {
        int size = Page.limit(limit, 100, 500);
        return store.find(id).chain(w -> {
            if (w == null) {
                throw ApiException.notFound("Нет вебхука " + id);
            }
            return store.deliveries(id, size);
        });
    }
}
