package ru.otklik.crawler;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import ru.otklik.source.Source;

/**
 * Readiness of the crawled sources: DOWN while an enabled source is unhealthy (failing repeatedly, skipped, or
 * its token refused), with each source's state in the data so the operator sees which one and why.
 */
@Readiness
@ApplicationScoped
public class SourcesHealthCheck implements AsyncHealthCheck {

    private final SourceKinds kinds;

    public SourcesHealthCheck(SourceKinds kinds) {
        this.kinds = kinds;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Panache.withSession(() -> Source.<Source>list("enabled = true and kind in ?1 order by key",
                        List.copyOf(kinds.names())))
                .map(sources -> {
                    HealthCheckResponseBuilder b = HealthCheckResponse.named("crawler-sources").up();
                    for (Source s : sources) {
                        if (!s.healthy) {
                            b.down();
                        }
                        b.withData(s.key, s.healthy ? "ok"
                                : "неисправен: " + (s.lastError == null ? "нет подробностей" : s.lastError)
                                + " (ошибок подряд: " + s.consecutiveFailures + ")");
                    }
                    return b.build();
                });
    }
}
