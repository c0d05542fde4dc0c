package ru.otklik.incident;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import ru.otklik.common.ApiException;
import ru.otklik.common.Page;
import ru.otklik.post.Post;
import ru.otklik.post.PostView;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;

@Path("/api/incidents")
@Tag(name = "incidents", description = "Инциденты: жалобы жителей, ответственные ведомства и сроки")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN, Roles.FEEDS_READ})
public class IncidentResource {

    private final IncidentViews views;
    private final IncidentFeedQuery feedQuery;
    private final IncidentFeedJson json;
    private final CurrentUser user;

    public IncidentResource(IncidentViews views, IncidentFeedQuery feedQuery, IncidentFeedJson json, CurrentUser user) {
        this.views = views;
        this.feedQuery = feedQuery;
        this.json = json;
        this.user = user;
    }

    @GET
    @Operation(summary = "Лента инцидентов, недавно изменённые первыми",
            description = "Фильтры status, topic (код рубрики), agency (код ведомства), municipality (код), "
                    + "updated_since (ISO 8601); limit до 200; следующая страница — по курсору next в параметре after. "
                    + "Обход закреплён за моментом первой страницы: инцидент, изменившийся во время обхода, не "
                    + "пропускается и не повторяется. Ответ несёт ETag; с If-None-Match без изменений — 304.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IncidentFeedPage.class)))
    @APIResponse(responseCode = "304", description = "Лента не изменилась с указанного ETag")
    // RestResponse<Buffer>, not Response: the entity's type is known when the app is built, so its writer is chosen
    // once, not looked up for every answer, and the JSON buffer is sent as it is
    public Uni<RestResponse<Buffer>> feed(@QueryParam("status") String status,
                              @QueryParam("topic") String topic,
                              @QueryParam("agency") String agency,
                              @QueryParam("municipality") String municipality,
                              @QueryParam("updated_since") OffsetDateTime updatedSince,
                              @QueryParam("limit") Integer limit,
                              @QueryParam("after") String after,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                              @Context UriInfo uri) {
        int size = Page.limit(limit, 50, 200);
        // an agency user sees its own agency's incidents only, whatever it asks for
        IncidentFilter filter = new IncidentFilter(status, topic, agency, user.agencyCode().orElse(null), municipality,
                updatedSince == null ? null : updatedSince.toInstant());
        SnapshotCursor resumed = after == null ? null : SnapshotCursor.decode(after);
        String query = uri.getRequestUri().getRawQuery();
        return feedQuery.latestChange().chain(latest -> {
            EntityTag etag = etag(latest, query);
            if (ifNoneMatch != null && ifNoneMatch.contains(etag.toString())) {
                return Uni.createFrom().item(ResponseBuilder.<Buffer>notModified(etag).build());
            }
            SnapshotCursor cursor = resumed != null ? resumed : new SnapshotCursor(latest, Long.MAX_VALUE);
            return feedQuery.page(filter, cursor, size + 1)
                    .map(page -> ResponseBuilder.ok(json.write(page.incidents(), size, page.next(size))).tag(etag)
                            .build());
        });
    }

    /** The feed's version: its newest change and the query asked, so another filter or page has another tag. */
    private static EntityTag etag(long latest, String query) {
        return new EntityTag(latest + "-" + Integer.toHexString(query == null ? 0 : query.hashCode()), true);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Инцидент с его постами и историей изменений")
    public Uni<IncidentDetails> get(@PathParam("id") long id) {
        return Panache.withSession(() -> Incident.<Incident>findById(id).chain(incident -> {
            if (incident == null || !user.agencyCode().map(a -> a.equals(incident.agencyCode)).orElse(true)) {
                throw ApiException.notFound("Нет инцидента " + id);
            }
            return views.of(List.of(incident)).chain(view -> IncidentPost.<IncidentPost>list("incidentId", id)
                    .chain(members -> Post.<Post>list("id in ?1 order by publishedAt",
                            members.stream().map(m -> m.postId).toList()))
                    .chain(posts -> IncidentEvent.<IncidentEvent>list("incidentId = ?1 order by id", id)
                            .map(events -> new IncidentDetails(view.get(0),
                                    posts.stream().map(p -> PostView.of(p, user.seesAuthors())).toList(),
                                    events.stream().map(IncidentDetails.Event::of).toList()))));
        }));
    }
}
