package ru.otklik.web.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import ru.otklik.crawler.CrawlReport;
import ru.otklik.crawler.CrawlService;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;
import ru.otklik.web.Viewer;
import ru.otklik.web.sources.SourceHealth;
import ru.otklik.web.sources.SourceHealthQuery;

/** Source health: which crawlers deliver, which fail and why. */
@Path("/console/sources")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class SourcesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sources(Chrome chrome, List<SourceHealth> sources, long failing);

        static native TemplateInstance ran(CrawlReport report);
    }

    private final SourceHealthQuery query;
    private final CrawlService crawls;
    private final CurrentUser user;

    public SourcesPage(SourceHealthQuery query, CrawlService crawls, CurrentUser user) {
        this.query = query;
        this.crawls = crawls;
        this.user = user;
    }

    /** Runs one source now and answers with the run's outcome, for the row's "run now" button. */
    @POST
    @Path("/{key}/run")
    public Uni<TemplateInstance> run(@PathParam("key") String key) {
        return crawls.runNow(key).map(Templates::ran);
    }

    @GET
    public Uni<TemplateInstance> page() {
        return query.all().map(sources -> Templates.sources(new Chrome(Viewer.of(user), Chrome.SOURCES), sources,
                sources.stream().filter(s -> "failing".equals(s.state())).count()));
    }
}
