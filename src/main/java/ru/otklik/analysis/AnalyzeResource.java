package ru.otklik.analysis;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.common.ApiException;
import ru.otklik.nlp.PostAnalysis;
import ru.otklik.post.PostIngestService;
import ru.otklik.security.Roles;

/** Analysis of one text on demand, without storing it: for analysts checking a rule or a model. */
@Path("/api/analyze")
@Tag(name = "analysis", description = "Анализ текста моделями и правилами")
@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.ADMIN, Roles.FEEDS_READ})
public class AnalyzeResource {

    /** The text to analyse; {@code id} is echoed back. */
    public record AnalyzeRequest(String id, String text) {
    }

    private final NlpPostAnalyzer analyzer;

    public AnalyzeResource(NlpPostAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Проанализировать текст",
            description = "Тот же ответ, что у команды analyze: язык, жалоба, тема, конфликт, неуместность "
                    + "(inappropriate), тональность, места, ведомство и объяснение с версиями моделей. "
                    + "Текст не сохраняется.")
    public PostAnalysis analyze(AnalyzeRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ApiException.badRequest("Поле text обязательно");
        }
        if (request.text().length() > PostIngestService.MAX_TEXT_LENGTH) {
            throw ApiException.badRequest("Текст длиннее " + PostIngestService.MAX_TEXT_LENGTH + " символов");
        }
        return analyzer.analyzeForApi(request.id(), request.text());
    }
}
