package ru.otklik.alert;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import ru.otklik.analysis.AnalysedPost;
import ru.otklik.common.JsonSql;
import ru.otklik.incident.Incident;

/**
 * Raises alerts for the press service. Runs inside the analysis transaction, after the incident stage, and
 * writes a batch's new alerts together with one outbox row per active webhook in one statement: the alert and its deliveries
 * commit or vanish together with the analysis (outbox pattern). Idempotent: a subject raises a kind of alert
 * once, however often it is analysed, on however many nodes.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);
    private static final int EXCERPT_LENGTH = 280;

    private final AlertRules rules;
    private final Clock clock;
    private final JsonSql sql;

    public AlertService(AlertConfig config, Clock clock, JsonSql sql) {
        this.rules = AlertRules.of(config);
        this.clock = clock;
        this.sql = sql;
    }

    /**
     * Evaluates the rules for every Russian post of an analysed batch and raises what they find.
     *
     * @param incidentOf the incident of each post of the batch that is in one
     */
    public Uni<Void> onAnalysed(List<AnalysedPost> posts, Map<Long, Long> incidentOf) {
        List<AnalysedPost> russian = posts.stream().filter(p -> "ru".equals(p.result().lang())).toList();
        List<FactsAsk> asks = russian.stream()
                .filter(p -> incidentOf.containsKey(p.post().id()) || p.post().parentId() != null)
                .map(p -> new FactsAsk(p.post().id(), incidentOf.get(p.post().id()), p.post().parentId(),
                        p.post().publishedAt().minus(rules.growthWindow())))
                .toList();
        Uni<List<FactsRow>> counted = asks.isEmpty() ? Uni.createFrom().item(List.of())
                : sql.query(FACTS, asks, FactsRow.class);
        return counted.chain(rows -> {
            Map<Long, FactsRow> byPost = new HashMap<>();
            rows.forEach(r -> byPost.put(r.postId(), r));
            Instant now = clock.instant();
            Map<String, AlertRow> alerts = new LinkedHashMap<>();
            for (AnalysedPost p : russian) {
                AlertFacts facts = facts(p, incidentOf.get(p.post().id()), byPost.get(p.post().id()));
                Context ctx = new Context(p.post().id(), facts.incidentId(), excerpt(p.post().text()), p.post().url(),
                        p.result().hasTopic() ? p.result().topic().label() : null, p.result().municipality(),
                        p.result().agency() == null ? null : p.result().agency().code());
                // a subject raises a kind once: within the batch the first post to cross the threshold does
                for (AlertCandidate c : rules.evaluate(facts)) {
                    alerts.putIfAbsent(c.subjectType() + ":" + c.subjectId() + ":" + c.kind().code(), row(c, ctx, now));
                }
            }
            return insert(List.copyOf(alerts.values()));
        }).invoke(ids -> LOG.debugf("%d alerts raised by a batch of %d posts", ids.size(), posts.size()))
                .replaceWithVoid();
    }

    private static AlertFacts facts(AnalysedPost p, Long incidentId, FactsRow counts) {
        long threadPosts = counts == null ? 0 : counts.threadRecent();
        if (incidentId == null) {
            return new AlertFacts(p.post().id(), p.result().conflictScore(), p.post().reach(), null, 0, 0,
                    p.post().parentId(), threadPosts);
        }
        return new AlertFacts(p.post().id(), p.result().conflictScore(), p.post().reach(), incidentId,
                counts.incidentReach(), counts.incidentRecent(), p.post().parentId(), threadPosts);
    }

    /** What the rules need from the database about a post in an incident or a thread. */
    private record FactsAsk(long postId, Long incidentId, Long parentId, Instant since) {
    }

    private record FactsRow(long postId, long incidentReach, long incidentRecent, long threadRecent) {
    }

    /**
     * An incident's recent posts are counted on its memberships' own publication times
     * ({@code incident_post_published_idx}, V76): joining every member to {@code post} for its time, per post of
     * the batch or once per incident, grew with the incident, and most of a batch's posts join a few incidents that
     * grow to hundreds of posts (docs/performance.md, 2026-12-05 perf-queue6 and perf-queue8).
     */
    private static final String FACTS = """
            select r.post_id, coalesce(i.reach, 0) as incident_reach,
                   case when r.incident_id is null then 0
                        else (select count(*) from incident_post m
                              where m.incident_id = r.incident_id and m.published_at > r.since) end as incident_recent,
                   case when r.parent_id is null then 0
                        else (select count(*) from post c
                              where c.parent_id = r.parent_id and c.published_at > r.since) end as thread_recent
            from %s left join incident i on i.id = r.incident_id""".formatted(JsonSql.recordset(FactsAsk.class));

    /**
     * Raises an alert about an incident from outside the analysis (deadline warnings and escalations), in
     * the caller's transaction; returns the alert's id, or null when that subject already raised that kind.
     */
    public Uni<Long> raiseForIncident(AlertCandidate c, Incident incident) {
        return insert(List.of(row(c, new Context(null, incident.id, excerpt(incident.title), null, incident.topic,
                incident.municipalityCode, incident.agencyCode), clock.instant())))
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** What an alert says about where it comes from, besides its subject. */
    private record Context(Long postId, Long incidentId, String excerpt, String url, String topic,
                           String municipality, String agency) {
    }

    /** An alert as inserted. */
    private record AlertRow(String messageId, String kind, String subjectType, long subjectId, Long postId,
                            Long incidentId, double value, double threshold, String title, String excerpt, String url,
                            String topic, String municipality, String agencyCode, Instant createdAt) {
    }

    private static AlertRow row(AlertCandidate c, Context ctx, Instant now) {
        return new AlertRow("msg_" + UUID.randomUUID().toString().replace("-", ""), c.kind().code(), c.subjectType(),
                c.subjectId(), ctx.postId(), ctx.incidentId(), c.value(), c.threshold(), c.title(), ctx.excerpt(),
                ctx.url(), ctx.topic(), ctx.municipality(), ctx.agency(), now);
    }

    /**
     * The alerts not raised before, each with one outbox row per active webhook, in one statement and in the
     * caller's transaction; returns the ids of the alerts inserted.
     */
    private static final String INSERT = "with a as ("
            + JsonSql.insert("alert", AlertRow.class,
                    "on conflict (subject_type, subject_id, kind) do nothing returning id, created_at") + """
            ), o as (insert into outbox (alert_id, webhook_id, state, next_attempt_at, created_at)
                     select a.id, w.id, 'pending', a.created_at, a.created_at from a cross join webhook w where w.active)
            select cast(coalesce(json_agg(a.id order by a.id), '[]') as text) from a""";

    private Uni<List<Long>> insert(List<AlertRow> rows) {
        return rows.isEmpty() ? Uni.createFrom().item(List.of()) : sql.queryJson(INSERT, rows, Long.class);
    }

    private static String excerpt(String source) {
        String text = source.strip().replaceAll("\\s+", " ");
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH - 1) + "…";
    }
}
