package ru.otklik.search;

import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;
import ru.otklik.security.Roles;
import ru.otklik.common.Page;

@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.ADMIN, Roles.FEEDS_READ})
@Path("/api/search")
@Tag(name = "search", description = "Полнотекстовый поиск по постам")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Поиск по текстам постов",
            description = "q — запрос (словоформы не важны: «ямы» найдёт «яму»; AND по умолчанию, поддерживаются "
                    + "OR, NOT, фразы в кавычках); фильтры topic, source, municipality, from/to (ISO 8601); "
                    + "offset и limit (до 200). Ответ: total, items с фрагментами, где совпадения в <mark>, "
                    + "и facets — число найденных по темам, источникам, муниципалитетам и месяцам.")
    public Uni<SearchResult> search(@QueryParam("q") String q,
                                    @QueryParam("topic") String topic,
                                    @QueryParam("source") String source,
                                    @QueryParam("municipality") String municipality,
                                    @QueryParam("from") OffsetDateTime from,
                                    @QueryParam("to") OffsetDateTime to,
                                    @QueryParam("offset") Integer offset,
                                    @QueryParam("limit") Integer limit) {
        int start = offset == null ? 0 : offset;
        if (start < 0 || start > 10_000) {
            throw ApiException.badRequest("offset должен быть от 0 до 10000");
        }
        return search.search(new SearchQuery(q, topic, source, municipality,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                start, Page.limit(limit, 20, 200)));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/rebuild")
    @Operation(summary = "Перестроить поисковый индекс из базы данных")
    public Uni<Map<String, Long>> rebuild() {
        return search.rebuild().map(n -> Map.of("indexed", n));
    }
}
