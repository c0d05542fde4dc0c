package ru.otklik.web.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import ru.otklik.common.Page;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;
import ru.otklik.web.Viewer;
import ru.otklik.web.review.ReferenceNames;
import ru.otklik.web.review.ReviewCard;
import ru.otklik.web.review.ReviewQueue;
import ru.otklik.web.review.ReviewRequest;
import ru.otklik.web.review.ReviewResult;
import ru.otklik.web.review.ReviewService;
import ru.otklik.web.review.RuleHighlighter;

/** The review queue page and the verdict form each card posts (htmx swaps the card for the verdict). */
@Path("/console/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ReviewPage {

    private static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Chrome chrome, List<ReviewCard> cards, long waiting, String next,
                                             ReferenceNames.Catalog names, boolean inappropriate);

        static native TemplateInstance verdict(ReviewResult result, ReferenceNames.Catalog names);
    }

    private final ReviewQueue queue;
    private final ReviewService reviews;
    private final ReferenceNames references;
    private final RuleHighlighter highlighter;
    private final CurrentUser user;

    public ReviewPage(ReviewQueue queue, ReviewService reviews, ReferenceNames references, RuleHighlighter highlighter, CurrentUser user) {
        this.queue = queue;
        this.reviews = reviews;
        this.references = references;
        this.highlighter = highlighter;
        this.user = user;
    }

    @GET
    public Uni<TemplateInstance> page(@QueryParam("after") String after, @QueryParam("only") String only) {
        Viewer viewer = Viewer.of(user);
        boolean inappropriate = ReviewQueue.inappropriateOnly(only);
        return references.catalog().chain(names -> queue.page(after, PAGE_SIZE, inappropriate)
                .chain(page -> queue.size(inappropriate)
                .map(waiting -> Templates.queue(new Chrome(viewer, Chrome.REVIEW), cards(page, viewer, names),
                        waiting, page.next(), names, inappropriate))));
    }

    @POST
    @Path("/{postId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> decide(@PathParam("postId") long postId, @RestForm String action,
                                        @RestForm String topic, @RestForm String agency,
                                        @RestForm String municipality, @RestForm String comment) {
        ReviewRequest request = new ReviewRequest(postId, action, topic, agency, municipality, comment);
        return reviews.review(request, user.name())
                .chain(result -> references.catalog().map(names -> Templates.verdict(result, names)));
    }

    private List<ReviewCard> cards(Page<ru.otklik.web.review.FlaggedPost> page, Viewer viewer,
                                   ReferenceNames.Catalog names) {
        return page.items().stream().map(p -> ReviewCard.of(p, viewer, names, highlighter)).toList();
    }
}
