package ru.otklik.incident;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;
import ru.otklik.common.FeedCursor;
import ru.otklik.common.Filter;
import ru.otklik.common.Page;
import ru.otklik.post.Post;
import ru.otklik.post.PostView;

@Path("/api/incidents")
@Tag(name = "incidents", description = "Инциденты: жалобы жителей, ответственные ведомства и сроки")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentViews views;

    public IncidentResource(IncidentViews views) {
        this.views = views;
    }

    @GET
    @Operation(summary = "Лента инцидентов, недавно изменённые первыми",
            description = "Фильтры status, topic (код рубрики), agency (код ведомства), municipality (код); "
                    + "limit до 200; следующая страница — по курсору next в параметре after.")
    public Uni<Page<IncidentView>> feed(@QueryParam("status") String status,
                                        @QueryParam("topic") String topic,
                                        @QueryParam("agency") String agency,
                                        @QueryParam("municipality") String municipality,
                                        @QueryParam("limit") Integer limit,
                                        @QueryParam("after") String after) {
        int size = Page.limit(limit, 50, 200);
        Filter filter = new Filter()
                .and("status = :status", "status", status)
                .and("topic = :topic", "topic", topic)
                .and("agencyCode = :agency", "agency", agency)
                .and("municipalityCode = :municipality", "municipality", municipality)
                .after("updatedAt", after == null ? null : FeedCursor.decode(after));
        return Panache.withSession(() -> Incident.<Incident>find(filter.query("updatedAt desc, id desc"),
                                filter.parameters()).page(0, size + 1).list()
                        .chain(rows -> views.of(rows)))
                .map(rows -> Page.of(rows, size, v -> new FeedCursor(v.updatedAt(), v.id()), v -> v));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Инцидент с его постами и историей изменений")
    public Uni<IncidentDetails> get(@PathParam("id") long id) {
        return Panache.withSession(() -> Incident.<Incident>findById(id).chain(incident -> {
            if (incident == null) {
                throw ApiException.notFound("Нет инцидента " + id);
            }
            return views.of(List.of(incident)).chain(view -> IncidentPost.<IncidentPost>list("incidentId", id)
                    .chain(members -> Post.<Post>list("id in ?1 order by publishedAt",
                            members.stream().map(m -> m.postId).toList()))
                    .chain(posts -> IncidentEvent.<IncidentEvent>list("incidentId = ?1 order by id", id)
                            .map(events -> new IncidentDetails(view.get(0),
                                    posts.stream().map(PostView::of).toList(),
                                    events.stream().map(IncidentDetails.Event::of).toList()))));
        }));
    }
}
