package ru.otklik.alert;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;
import ru.otklik.common.FeedCursor;
import ru.otklik.common.Page;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;

@Path("/api/alerts")
@Tag(name = "alerts", description = "Оповещения пресс-службы о конфликтах, большом охвате и быстром росте")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private static final Set<String> KINDS = java.util.Arrays.stream(AlertKind.values()).map(AlertKind::code)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final AlertStore store;
    private final AlertBroadcaster broadcaster;
    private final AlertConfig config;
    private final CurrentUser user;
    private final Clock clock;

    public AlertResource(AlertStore store, AlertBroadcaster broadcaster, AlertConfig config, CurrentUser user,
                         Clock clock) {
        this.store = store;
        this.broadcaster = broadcaster;
        this.config = config;
        this.user = user;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PRESS, Roles.ANALYST, Roles.ADMIN, Roles.ALERTS_READ})
    @Operation(summary = "Оповещения, новые первыми", description = "Фильтры kind (conflict, reach, growth, sla_warning, sla_overdue) и "
            + "acknowledged (true/false); limit до 200; следующая страница — по курсору next в параметре after.")
    public Uni<Page<AlertView>> list(@QueryParam("kind") String kind,
                                     @QueryParam("acknowledged") Boolean acknowledged,
                                     @QueryParam("limit") Integer limit,
                                     @QueryParam("after") String after) {
        if (kind != null && !KINDS.contains(kind)) {
            throw ApiException.badRequest("Неизвестный вид оповещения «" + kind + "»; допустимы conflict, reach, growth, sla_warning, sla_overdue");
        }
        int size = Page.limit(limit, 50, 200);
        return store.list(kind, acknowledged, after == null ? null : FeedCursor.decode(after), size)
                .map(rows -> Page.of(rows, size, a -> new FeedCursor(a.createdAt(), a.id()), a -> a));
    }

    @POST
    @Path("/{id}/ack")
    @RolesAllowed({Roles.PRESS, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Отметить оповещение как принятое", description = "Запоминает, кто и когда; повторная "
            + "отметка ничего не меняет.")
    public Uni<AlertView> acknowledge(@PathParam("id") long id) {
        return store.acknowledge(id, user.name(), clock.instant()).map(a -> {
            if (a == null) {
                throw ApiException.notFound("Нет оповещения " + id);
            }
            return a;
        });
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.PRESS, Roles.ANALYST, Roles.ADMIN, Roles.ALERTS_READ})
    @Operation(summary = "Новые оповещения в реальном времени (Server-Sent Events)", description = "События alert "
            + "с id оповещения; при переподключении с Last-Event-ID пропущенные оповещения присылаются заново.")
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        Multi<AlertView> replay = Multi.createFrom().empty();
        if (lastEventId != null && !lastEventId.isBlank()) {
            long last;
            try {
                last = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Last-Event-ID должен быть номером оповещения");
            }
            replay = store.after(last, config.replayLimit()).onItem().transformToMulti(Multi.createFrom()::iterable);
        }
        // live alerts may arrive while the replay is read: each id is sent once
        Set<Long> sent = ConcurrentHashMap.newKeySet();
        Multi<OutboundSseEvent> alerts = Multi.createBy().merging().streams(replay, broadcaster.live())
                .select().where(a -> sent.add(a.id()))
                .map(a -> sse.newEventBuilder().id(Long.toString(a.id())).name("alert")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(AlertView.class, a).build());
        // a comment at once (the client sees the stream open) and then regularly (proxies keep it open)
        Multi<OutboundSseEvent> heartbeats = Multi.createBy().concatenating().streams(
                Multi.createFrom().item(() -> sse.newEventBuilder().comment("открыт поток оповещений").build()),
                Multi.createFrom().ticks().every(config.heartbeat())
                        .map(tick -> sse.newEventBuilder().comment("ping").build()));
        return Multi.createBy().merging().streams(alerts, heartbeats);
    }
}
