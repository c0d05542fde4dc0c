package ru.otklik.web.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import ru.otklik.common.ApiException;
import ru.otklik.web.Viewer;
import ru.otklik.web.ratings.RatingsQuery;
import ru.otklik.web.ratings.RatingsView;
import ru.otklik.web.review.ReferenceNames;

/** Agency ratings, the topic × municipality heat table, the weekly trend per topic and the spikes. */
@Path("/console/ratings")
@Produces(MediaType.TEXT_HTML)
public class RatingsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ratings(Chrome chrome, RatingsView view);
    }

    private final RatingsQuery query;
    private final ReferenceNames references;

    public RatingsPage(RatingsQuery query, ReferenceNames references) {
        this.query = query;
        this.references = references;
    }

    @GET
    public Uni<TemplateInstance> page(@QueryParam("days") Integer days, @Context SecurityContext security) {
        int period = days == null ? 84 : days;
        if (period < 7 || period > 366) {
            throw ApiException.badRequest("days должен быть от 7 до 366, получено " + period);
        }
        return references.catalog().chain(names -> query.load(period, names))
                .map(view -> Templates.ratings(new Chrome(Viewer.of(security), Chrome.RATINGS), view));
    }
}
