package ru.otklik.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;
import ru.otklik.common.FeedCursor;
import ru.otklik.common.Filter;
import ru.otklik.common.Page;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;
import ru.otklik.source.Source;

@Path("/api/posts")
@Tag(name = "posts", description = "Посты из источников")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    static final int MAX_BATCH = 1000;

    private final PostIngestService ingest;
    private final Clock clock;
    private final CurrentUser user;

    public PostResource(PostIngestService ingest, Clock clock, CurrentUser user) {
        this.ingest = ingest;
        this.clock = clock;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.POSTS_WRITE})
    // a batch of 1,000 costs tens of ms of CPU before its statements (items, hashes, SimHash): on a worker thread,
    // two feeders' batches use both cores and no event loop stalls for them
    @Blocking
    @Operation(summary = "Принять пакет постов от внешнего поставщика",
            description = "JSON-массив до 1000 постов; ответ по каждому: created, updated, unchanged или rejected с причиной.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PostInput.class, maxItems = MAX_BATCH)))
    public Uni<IngestReport> ingest(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ApiException.badRequest("Ожидается JSON-массив постов");
        }
        if (body.size() > MAX_BATCH) {
            throw ApiException.badRequest("В одном запросе не больше " + MAX_BATCH + " постов, получено " + body.size());
        }
        Instant now = clock.instant();
        List<PostInputParser.Parsed> items = new ArrayList<>();
        body.forEach(item -> items.add(PostInputParser.parse(item, now)));
        return ingest.ingest(items).map(IngestReport::of);
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN, Roles.FEEDS_READ})
    @Operation(summary = "Лента постов, новые первыми", description = "Фильтры: source (ключ), since/until (ISO 8601), "
            + "analysisState; постраничный обход по курсору after.")
    public Uni<Page<PostView>> list(@QueryParam("source") String sourceKey,
                                    @QueryParam("since") OffsetDateTime since,
                                    @QueryParam("until") OffsetDateTime until,
                                    @QueryParam("analysisState") String analysisState,
                                    @QueryParam("limit") Integer limit,
                                    @QueryParam("after") String after) {
        int size = Page.limit(limit, 50, 200);
        Uni<Long> sourceId = sourceKey == null ? Uni.createFrom().nullItem()
                : Source.findByKey(sourceKey).map(s -> {
                    if (s == null) {
                        throw ApiException.notFound("Нет источника с ключом " + sourceKey);
                    }
                    return s.id;
                });
        FeedCursor cursor = after == null ? null : FeedCursor.decode(after);
        return sourceId.chain(id -> {
            Filter filter = new Filter()
                    .and("sourceId = :source", "source", id)
                    .and("publishedAt >= :since", "since", since == null ? null : since.toInstant())
                    .and("publishedAt < :until", "until", until == null ? null : until.toInstant())
                    .and("analysisState = :state", "state", analysisState)
                    // an agency user sees the posts of its own agency's incidents only
                    .and("id in (select m.postId from IncidentPost m, Incident i where m.incidentId = i.id "
                            + "and i.agencyCode = :agencyScope)", "agencyScope", user.agencyCode().orElse(null))
                    .after("publishedAt", cursor);
            return Panache.withSession(() -> Post.<Post>find(filter.query("publishedAt desc, id desc"), filter.parameters())
                    .page(0, size + 1).list());
        }).map(rows -> Page.of(rows, size, p -> new FeedCursor(p.publishedAt, p.id),
                p -> PostView.of(p, user.seesAuthors())));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN, Roles.FEEDS_READ})
    @Operation(summary = "Пост по идентификатору")
    public Uni<PostView> get(@PathParam("id") long id) {
        String agency = user.agencyCode().orElse(null);
        return Panache.withSession(() -> agency == null ? Post.<Post>findById(id)
                : Post.<Post>find("id = ?1 and id in (select m.postId from IncidentPost m, Incident i "
                        + "where m.incidentId = i.id and i.agencyCode = ?2)", id, agency).firstResult()).map(p -> {
            if (p == null) {
                throw ApiException.notFound("Нет поста " + id);
            }
            return PostView.of(p, user.seesAuthors());
        });
    }
}
