package ru.otklik.crawler.schedule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;
import ru.otklik.crawler.CrawlService;
import ru.otklik.crawler.CrawlerConfig;
import ru.otklik.crawler.SourceKinds;
import ru.otklik.source.Source;

/**
 * The tick: every few seconds, starts the due sources ({@code next_run_at} passed) up to the concurrency
 * limit. Each run gets its own duplicated Vert.x context, because the reactive session lives in the context
 * and two runs must never share one. Because {@code next_run_at} is persisted, a restart simply picks up
 * whatever fell due meanwhile.
 */
@ApplicationScoped
public class CrawlScheduler {

    private static final Logger LOG = Logger.getLogger(CrawlScheduler.class);

    private final CrawlService crawls;
    private final SourceKinds kinds;
    private final CrawlerConfig config;
    private final Vertx vertx;
    private final Clock clock;

    public CrawlScheduler(CrawlService crawls, SourceKinds kinds, CrawlerConfig config, Vertx vertx, Clock clock) {
        this.crawls = crawls;
        this.kinds = kinds;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    @Scheduled(every = "${otklik.crawler.schedule.tick:5s}", delayed = "${otklik.crawler.schedule.tick:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return tick(config.schedule().enabled());
    }

    /** One round: launches the due sources, each on a context of its own; {@code enabled} false does nothing. */
    Uni<Void> tick(boolean enabled) {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        int free = config.schedule().maxConcurrent() - crawls.runningCount();
        if (free <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> Source.<Source>find(
                        "enabled = true and (nextRunAt is null or nextRunAt <= ?1) and kind in ?2 order by nextRunAt nulls first",
                        clock.instant(), List.copyOf(kinds.names()))
                .page(0, free + crawls.runningCount()).list())
                .invoke(due -> due.stream().filter(s -> !crawls.isRunning(s.id)).limit(free).forEach(s -> launch(s.id, s.key)))
                .replaceWithVoid();
    }

    private void launch(long sourceId, String key) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        // Hibernate Reactive only runs on a context marked safe (isolated); a fresh duplicate is not marked yet
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> crawls.run(sourceId).subscribe().with(
                report -> LOG.debugf("Run of %s: %s", key, report.outcome()),
                failure -> LOG.debugf("Run of %s not started: %s", key, failure.getMessage())));
    }
}
