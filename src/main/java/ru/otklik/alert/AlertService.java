package ru.otklik.alert;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import ru.otklik.analysis.AnalysisResult;
import ru.otklik.incident.Incident;
import ru.otklik.incident.IncidentPost;
import ru.otklik.post.Post;

/**
 * Raises alerts for the press service. Runs inside the analysis transaction, after the incident stage, and
 * writes each new alert together with one outbox row per active webhook: the alert and its deliveries
 * commit or vanish together with the analysis (outbox pattern). Idempotent: a subject raises a kind of alert
 * once, however often it is analysed, on however many nodes.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);
    private static final int EXCERPT_LENGTH = 280;

    private final AlertRules rules;
    private final Clock clock;

    public AlertService(AlertConfig config, Clock clock) {
        this.rules = AlertRules.of(config);
        this.clock = clock;
    }

    public Uni<Void> onAnalysed(Post post, AnalysisResult analysis) {
        if (!"ru".equals(analysis.lang())) {
            return Uni.createFrom().voidItem();
        }
        Instant since = post.publishedAt.minus(rules.growthWindow());
        return facts(post, analysis, since)
                .chain(facts -> Multi.createFrom().iterable(rules.evaluate(facts))
                        .onItem().transformToUniAndConcatenate(candidate -> raise(candidate, post, analysis, facts))
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<AlertFacts> facts(Post post, AnalysisResult analysis, Instant since) {
        Uni<Long> thread = post.parentId == null ? Uni.createFrom().item(0L)
                : Post.count("parentId = ?1 and publishedAt > ?2", post.parentId, since);
        Uni<Incident> incident = IncidentPost.<IncidentPost>find("postId", post.id).firstResult()
                .chain(m -> m == null ? Uni.createFrom().nullItem() : Incident.<Incident>findById(m.incidentId));
        return thread.chain(threadPosts -> incident.chain(i -> {
            if (i == null) {
                return Uni.createFrom().item(new AlertFacts(post.id, analysis.conflictScore(), post.metrics().reach(),
                        null, 0, 0, post.parentId, threadPosts));
            }
            return IncidentPost.count("incidentId = ?1 and postId in (select p.id from Post p where p.publishedAt > ?2)",
                            i.id, since)
                    .map(recent -> new AlertFacts(post.id, analysis.conflictScore(), post.metrics().reach(), i.id,
                            i.reach, recent, post.parentId, threadPosts));
        }));
    }

    private Uni<Void> raise(AlertCandidate c, Post post, AnalysisResult analysis, AlertFacts facts) {
        return insert(c, new Context(post.id, facts.incidentId(), excerpt(post.text), post.url,
                analysis.hasTopic() ? analysis.topic().label() : null, analysis.municipality(),
                analysis.agency() == null ? null : analysis.agency().code()))
                .invoke(id -> LOG.debugf("Alert %d (%s %s %d) raised by post %d", id, c.kind().code(),
                        c.subjectType(), c.subjectId(), post.id))
                .replaceWithVoid();
    }

    /**
     * Raises an alert about an incident from outside the analysis (deadline warnings and escalations), in
     * the caller's transaction; returns the alert's id, or null when that subject already raised that kind.
     */
    public Uni<Long> raiseForIncident(AlertCandidate c, Incident incident) {
        return insert(c, new Context(null, incident.id, excerpt(incident.title), null, incident.topic,
                incident.municipalityCode, incident.agencyCode));
    }

    /** What an alert says about where it comes from, besides its subject. */
    private record Context(Long postId, Long incidentId, String excerpt, String url, String topic,
                           String municipality, String agency) {
    }

    private Uni<Long> insert(AlertCandidate c, Context ctx) {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.flush().chain(() -> session
                        .createNativeQuery("""
                                insert into alert (message_id, kind, subject_type, subject_id, post_id, incident_id,
                                    value, threshold, title, excerpt, url, topic, municipality, agency_code, created_at)
                                values (:messageId, :kind, :subjectType, :subjectId, :postId, :incidentId, :value,
                                    :threshold, :title, :excerpt, :url, :topic, :municipality, :agency, :now)
                                on conflict (subject_type, subject_id, kind) do nothing
                                returning id""", Long.class)
                        .setParameter("messageId", "msg_" + UUID.randomUUID().toString().replace("-", ""))
                        .setParameter("kind", c.kind().code())
                        .setParameter("subjectType", c.subjectType())
                        .setParameter("subjectId", c.subjectId())
                        .setParameter("postId", ctx.postId())
                        .setParameter("incidentId", ctx.incidentId())
                        .setParameter("value", c.value())
                        .setParameter("threshold", c.threshold())
                        .setParameter("title", c.title())
                        .setParameter("excerpt", ctx.excerpt())
                        .setParameter("url", ctx.url())
                        .setParameter("topic", ctx.topic())
                        .setParameter("municipality", ctx.municipality())
                        .setParameter("agency", ctx.agency())
                        .setParameter("now", now)
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().<Long>nullItem()
                        : enqueue(session, ids.get(0), now).replaceWith(ids.get(0))));
    }

    /** One outbox row per active webhook, in the same transaction as the alert. */
    private static Uni<Void> enqueue(Mutiny.Session session, long alertId, Instant now) {
        return session.createNativeQuery("""
                        insert into outbox (alert_id, webhook_id, state, next_attempt_at, created_at)
                        select :alert, w.id, 'pending', :now, :now from webhook w where w.active""")
                .setParameter("alert", alertId)
                .setParameter("now", now)
                .executeUpdate()
                .replaceWithVoid();
    }

    private static String excerpt(String source) {
        String text = source.strip().replaceAll("\\s+", " ");
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH - 1) + "…";
    }
}
