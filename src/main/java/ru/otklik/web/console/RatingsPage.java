package ru.otklik.web.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import ru.otklik.common.ApiException;
import ru.otklik.rating.RatingReport;
import ru.otklik.rating.RatingResource;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;
import ru.otklik.web.Viewer;
import ru.otklik.web.ratings.RatingsQuery;
import ru.otklik.web.ratings.RatingsView;
import ru.otklik.web.review.ReferenceNames;

/** Agency ratings, the topic × municipality heat table, the weekly trend per topic and the spikes. */
@Path("/console/ratings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.PRESS, Roles.AGENCY, Roles.ADMIN})
public class RatingsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ratings(Chrome chrome, RatingsView view, RatingReport official,
                                               ReferenceNames.Catalog names);
    }

    private final RatingsQuery query;
    private final ReferenceNames references;
    private final RatingResource ratings;
    private final Clock clock;
    private final CurrentUser user;

    public RatingsPage(RatingsQuery query, ReferenceNames references, RatingResource ratings, Clock clock,
                       CurrentUser user) {
        this.ratings = ratings;
        this.clock = clock;
        this.query = query;
        this.references = references;
        this.user = user;
    }

    @GET
    public Uni<TemplateInstance> page(@QueryParam("days") Integer days) {
        int period = days == null ? 84 : days;
        if (period < 7 || period > 366) {
            throw ApiException.badRequest("days должен быть от 7 до 366, получено " + period);
        }
        // the official agency rating (ru.otklik.rating: speed, timeliness, quality, completeness) over the same
        // Moscow days as the charts: from the first day shown up to and including today
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.MOSCOW);
        String from = today.minusDays(period - 1L).toString();
        String to = today.plusDays(1).toString();
        return references.catalog().chain(names -> query.load(period, names)
                .chain(view -> ratings.period("agency", from, to)
                        .map(official -> Templates.ratings(new Chrome(Viewer.of(user), Chrome.RATINGS), view, official,
                                names))));
    }
}
