package ru.otklik.web.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import ru.otklik.analysis.AnalyzeAsRussian;
import ru.otklik.analysis.SkippedPosts;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;
import ru.otklik.web.Viewer;
import ru.otklik.web.review.ReferenceNames;

/**
 * Posts skipped as non-Russian, with the language found, and the button that sends one to the full analysis
 * (htmx swaps the row for the outcome).
 */
@Path("/console/languages")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class LanguagesPage {

    private static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance languages(Chrome chrome, List<SkippedPosts.SkippedPost> posts, long skipped,
                                                 String next);

        static native TemplateInstance analysed(AnalyzeAsRussian.Outcome outcome, ReferenceNames.Catalog names);
    }

    private final SkippedPosts skipped;
    private final AnalyzeAsRussian analysis;
    private final ReferenceNames references;
    private final CurrentUser user;

    public LanguagesPage(SkippedPosts skipped, AnalyzeAsRussian analysis, ReferenceNames references,
                         CurrentUser user) {
        this.skipped = skipped;
        this.analysis = analysis;
        this.references = references;
        this.user = user;
    }

    @GET
    public Uni<TemplateInstance> page(@QueryParam("after") String after) {
        return skipped.page(after, PAGE_SIZE).chain(page -> skipped.count().map(count -> Templates.languages(
                new Chrome(Viewer.of(user), Chrome.LANGUAGES), page.items(), count, page.next())));
    }

    @POST
    @Path("/{postId}/analyze")
    public Uni<TemplateInstance> analyze(@PathParam("postId") long postId) {
        return analysis.run(postId, user.name())
                .chain(outcome -> references.catalog().map(names -> Templates.analysed(outcome, names)));
    }
}
