package ru.otklik.source;

import jakarta.annotation.security.RolesAllowed;
import ru.otklik.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;
import ru.otklik.crawler.CrawlReport;
import ru.otklik.crawler.CrawlService;

@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.ADMIN})
@Path("/api/sources")
@Tag(name = "sources", description = "Источники: определения, здоровье, запуск обхода")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceService sources;
    private final SourceDefinitionParser parser;
    private final CrawlService crawls;

    public SourceResource(SourceService sources, SourceDefinitionParser parser, CrawlService crawls) {
        this.sources = sources;
        this.parser = parser;
        this.crawls = crawls;
    }

    @GET
    @Operation(summary = "Все источники с их состоянием")
    public Uni<List<SourceView>> list() {
        return sources.list().map(all -> all.stream().map(SourceView::of).toList());
    }

    @GET
    @Path("/{key}")
    @Operation(summary = "Источник по ключу")
    public Uni<SourceView> get(@PathParam("key") String key) {
        return sources.get(key).map(SourceView::of);
    }

    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Добавить источник", description = "Те же поля, что у записи в crawler/sources.yaml.")
    public Uni<Response> create(JsonNode body) {
        return sources.create(definition(body)).map(s ->
                Response.created(URI.create("/api/sources/" + s.key)).entity(SourceView.of(s)).build());
    }

    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Изменить источник", description = "Полное определение; ключ в теле можно опустить.")
    public Uni<SourceView> update(@PathParam("key") String key, JsonNode body) {
        if (body != null && body.isObject() && !body.has("key")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("key", key);
        }
        return sources.update(key, definition(body)).map(SourceView::of);
    }

    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @POST
    @Path("/{key}/enable")
    @Operation(summary = "Включить обход источника")
    public Uni<SourceView> enable(@PathParam("key") String key) {
        return sources.setEnabled(key, true).map(SourceView::of);
    }

    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @POST
    @Path("/{key}/disable")
    @Operation(summary = "Выключить обход источника (посты остаются)")
    public Uni<SourceView> disable(@PathParam("key") String key) {
        return sources.setEnabled(key, false).map(SourceView::of);
    }

    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @POST
    @Path("/{key}/run")
    @Operation(summary = "Обойти источник сейчас", description = "Ждёт окончания обхода и возвращает его итог.")
    public Uni<CrawlReport> run(@PathParam("key") String key) {
        return crawls.runNow(key);
    }

    private SourceDefinition definition(JsonNode body) {
        SourceDefinitionParser.Result result = parser.parse(body);
        if (!result.ok()) {
            throw ApiException.badRequest("Определение источника некорректно: " + String.join("; ", result.problems()));
        }
        return result.definition();
    }
}
