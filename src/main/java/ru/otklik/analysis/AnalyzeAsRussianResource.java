package ru.otklik.analysis;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;

/** Sends a post skipped as non-Russian to the full analysis, so it can become an incident. */
@Path("/api/posts/{id}/analyze-as-russian")
@Tag(name = "posts", description = "Посты из источников")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class AnalyzeAsRussianResource {

    private final AnalyzeAsRussian analysis;
    private final CurrentUser user;

    public AnalyzeAsRussianResource(AnalyzeAsRussian analysis, CurrentUser user) {
        this.analysis = analysis;
        this.user = user;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Проанализировать пропущенный пост как русский",
            description = "Для поста, который определитель языка счёл нерусским (analysisState = skipped): полный "
                    + "анализ, как у русского поста; жалоба с темой становится инцидентом. В анализе остаются "
                    + "найденный язык и кто отправил. 409, если пост не пропущен.")
    public Uni<AnalyzeAsRussian.Outcome> analyze(@PathParam("id") long id) {
        return analysis.run(id, user.name());
    }
}
