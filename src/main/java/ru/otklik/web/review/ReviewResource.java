package ru.otklik.web.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.Page;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;
import ru.otklik.web.Viewer;

@Path("/api/reviews")
@Tag(name = "reviews", description = "Проверка аналитиком постов, отмеченных моделью, и выгрузка исправлений для обучения")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ReviewResource {

    private final ReviewQueue queue;
    private final ReviewService reviews;
    private final TrainingExport export;
    private final RuleHighlighter highlighter;
    private final ObjectMapper json;
    private final CurrentUser user;

    public ReviewResource(ReviewQueue queue, ReviewService reviews, TrainingExport export, RuleHighlighter highlighter,
                          ObjectMapper json, CurrentUser user) {
        this.queue = queue;
        this.reviews = reviews;
        this.export = export;
        this.highlighter = highlighter;
        this.json = json;
        this.user = user;
    }

    @GET
    @Path("/queue")
    @Operation(summary = "Очередь проверки: жалобы и конфликты, ещё не проверенные, новые первыми",
            description = "Автор (author_handle, author_name) виден только ролям analyst и admin; остальным — "
                    + "псевдоним authorId. marks — найденные правилами слова и места (смещения в text). "
                    + "only=inappropriate — вместо них неуместные сообщения (поле inappropriate), жалобы они или нет.")
    public Uni<Page<FlaggedPostView>> queue(@QueryParam("limit") Integer limit, @QueryParam("after") String after,
                                            @QueryParam("only") String only) {
        int size = Page.limit(limit, 20, 100);
        Viewer viewer = Viewer.of(user);
        return queue.page(after, size, ReviewQueue.inappropriateOnly(only)).map(page -> new Page<>(page.items().stream()
                .map(p -> FlaggedPostView.of(p, viewer, highlighter.marks(p.text()))).toList(), page.next()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Вердикт аналитика: confirm, reject или correct (с темой, ведомством, муниципалитетом)",
            description = "Подтверждённая или исправленная жалоба исправляет и инцидент поста (событие corrected).")
    public Uni<ReviewResult> review(ReviewRequest request) {
        return reviews.review(request, user.name());
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/x-ndjson"})
    @Operation(summary = "Исправления аналитиков как обучающие данные для команды train",
            description = "task: topic, agency или complaint; format: csv (по умолчанию) или jsonl. Колонки text и "
                    + "label: train --task T --input FILE --text-field text --label-field label --out DIR.")
    public Uni<Response> export(@QueryParam("task") String task, @QueryParam("format") String format) {
        ExportFormat as = ExportFormat.of(format);
        return export.examples(task).map(examples -> Response.ok(as.write(examples, json))
                .type(as.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + as.fileName(task) + "\"")
                .build());
    }
}
