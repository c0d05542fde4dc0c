package ru.otklik.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import ru.otklik.common.ApiException;
import ru.otklik.crawler.schedule.SchedulePolicy;
import ru.otklik.source.Source;

/**
 * Runs one source: pages until the crawler says it is done or the page budget is spent, each page stored with
 * its cursor, then the source's health and next run recorded. A source never runs twice at once.
 */
@ApplicationScoped
public class CrawlService {

    private static final Logger LOG = Logger.getLogger(CrawlService.class);

    private final SourceKinds kinds;
    private final CrawlStore store;
    private final CrawlMetrics metrics;
    private final CrawlerConfig config;
    private final SchedulePolicy policy;
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    public CrawlService(SourceKinds kinds, CrawlStore store, CrawlMetrics metrics, CrawlerConfig config, Clock clock) {
        this.kinds = kinds;
        this.store = store;
        this.metrics = metrics;
        this.config = config;
        this.policy = new SchedulePolicy(config.schedule().maxFailureBackoff());
        this.clock = clock;
    }

    public boolean isRunning(long sourceId) {
        return running.contains(sourceId);
    }

    public int runningCount() {
        return running.size();
    }

    /** Runs the source with this key now, whatever its schedule ({@code POST /api/sources/{key}/run}). */
    public Uni<CrawlReport> runNow(String key) {
        return Panache.withSession(() -> Source.findByKey(key)).chain(s -> {
            if (s == null) {
                throw ApiException.notFound("Нет источника с ключом '" + key + "'");
            }
            if (kinds.find(s.kind).isEmpty()) {
                throw ApiException.conflict("Источник '" + key + "' вида '" + s.kind + "' не обходится краулером");
            }
            return run(s.id);
        });
    }

    public Uni<CrawlReport> run(long sourceId) {
        if (!running.add(sourceId)) {
            return Uni.createFrom().failure(ApiException.conflict("Источник уже обходится, дождитесь окончания"));
        }
        Instant started = clock.instant();
        // deferred, so that even a failure while assembling the chain reaches eventually() and frees the source
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> Source.<Source>findById(sourceId)
                        .invoke(s -> s.lastRunAt = started)))
                .chain(source -> {
                    SourceCrawler crawler = kinds.find(source.kind).orElseThrow(() ->
                            CrawlFailure.skipped("Вид источника '" + source.kind + "' не поддерживается"));
                    return pages(crawler, CrawlTarget.of(source), source.cursor, 1, CrawlCounts.ZERO);
                })
                .chain(result -> finishSuccess(sourceId, result, started))
                .onFailure().recoverWithUni(e -> finishFailure(sourceId, e, started))
                .eventually(() -> running.remove(sourceId));
    }

    private record Progress(CrawlCounts counts, boolean more) {
    }

    private Uni<Progress> pages(SourceCrawler crawler, CrawlTarget target, JsonNode cursor, int page, CrawlCounts sum) {
        long fetchStart = System.nanoTime();
        return crawler.fetchPage(target, cursor)
                .chain(p -> {
                    long storeStart = System.nanoTime();
                    return store.storePage(target.sourceId(), p).invoke(c -> LOG.debugf(
                            "%s page %d: %d posts fetched in %d ms, stored in %d ms (%s)", target.key(), page,
                            p.drafts().size(), (storeStart - fetchStart) / 1_000_000,
                            (System.nanoTime() - storeStart) / 1_000_000, c)).map(c -> new Object[] {p, sum.plus(c)});
                })
                .chain(step -> {
                    CrawlPage p = (CrawlPage) step[0];
                    CrawlCounts total = (CrawlCounts) step[1];
                    if (p.more() && page < config.schedule().maxPagesPerRun()) {
                        return pages(crawler, target, p.cursor(), page + 1, total);
                    }
                    return Uni.createFrom().item(new Progress(total, p.more()));
                });
    }

    private Uni<CrawlReport> finishSuccess(long sourceId, Progress progress, Instant started) {
        return Panache.withTransaction(() -> Source.<Source>findById(sourceId).map(s -> {
            Instant now = clock.instant();
            s.lastSuccessAt = now;
            s.consecutiveFailures = 0;
            s.healthy = true;
            s.nextRunAt = policy.afterSuccess(now, s.intervalSeconds, s.jitterSeconds, progress.more());
            s.updatedAt = now;
            metrics.run(s.key, "success", progress.counts(), Duration.between(started, now));
            LOG.debugf("Crawled %s: %s, more=%s", s.key, progress.counts(), progress.more());
            return new CrawlReport(s.key, "success", progress.counts(), progress.more(), null, s.nextRunAt);
        }));
    }

    private Uni<CrawlReport> finishFailure(long sourceId, Throwable error, Instant started) {
        CrawlFailure failure = error instanceof CrawlFailure f ? f
                : CrawlFailure.transientFailure(describe(error), null, error);
        return Panache.withTransaction(() -> Source.<Source>findById(sourceId).map(s -> {
            Instant now = clock.instant();
            s.lastErrorAt = now;
            s.lastError = failure.getMessage();
            s.updatedAt = now;
            switch (failure.type()) {
                case PAUSED -> {
                    // a pause is the platform's rule, not the source's fault: health is left as it was
                }
                case TRANSIENT -> {
                    s.consecutiveFailures++;
                    s.healthy = s.consecutiveFailures < config.schedule().unhealthyAfter();
                }
                case SKIPPED -> {
                    s.consecutiveFailures++;
                    s.healthy = false;
                }
                case AUTH -> {
                    s.consecutiveFailures++;
                    s.healthy = false;
                    metrics.alert(s.key, "auth", failure.getMessage());
                }
            }
            s.nextRunAt = policy.afterFailure(now, s.intervalSeconds, s.jitterSeconds, s.consecutiveFailures, failure);
            String outcome = failure.type().name().toLowerCase(Locale.ROOT);
            metrics.run(s.key, outcome, CrawlCounts.ZERO, Duration.between(started, now));
            LOG.warnf("Crawl of %s failed (%s, %d in a row): %s; next run %s", s.key, outcome,
                    s.consecutiveFailures, failure.getMessage(), s.nextRunAt);
            return new CrawlReport(s.key, outcome, CrawlCounts.ZERO, false, failure.getMessage(), s.nextRunAt);
        }));
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
