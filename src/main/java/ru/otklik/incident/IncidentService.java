package ru.otklik.incident;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import ru.otklik.analysis.AnalysisResult;
import ru.otklik.incident.deadline.DeadlineService;
import ru.otklik.incident.followup.CommentFollowUp;
import ru.otklik.incident.grouping.IncidentGrouping;
import ru.otklik.incident.priority.Priority;
import ru.otklik.incident.priority.PriorityDecision;
import ru.otklik.incident.priority.PriorityRules;
import ru.otklik.incident.priority.PrioritySignals;
import ru.otklik.incident.sla.SlaClock;
import ru.otklik.post.Post;

/**
 * Turns analysed complaints into incidents: a complaint joins an open incident about the same
 * problem or opens a new one with a priority and working-time deadlines; a comment under an
 * incident's post may be an official reply or the author's follow-up. Runs inside the analysis
 * transaction and is idempotent: a post already in an incident is left where it is.
 */
@ApplicationScoped
public class IncidentService {

    static final String SYSTEM = "system";
    static final String PROBLEM = "problem";
    private static final Logger LOG = Logger.getLogger(IncidentService.class);
    private static final int TITLE_LENGTH = 140;

    private final Clock clock;
    private final IncidentGrouping grouping;
    private final PriorityRules priorities;
    private final DeadlineService deadlines;
    private final CommentFollowUp followUp;

    public IncidentService(Clock clock, IncidentGrouping grouping, PriorityRules priorities, DeadlineService deadlines,
                           CommentFollowUp followUp) {
        this.clock = clock;
        this.grouping = grouping;
        this.priorities = priorities;
        this.deadlines = deadlines;
        this.followUp = followUp;
    }

    public Uni<Void> onAnalysed(Post post, AnalysisResult analysis) {
        Uni<Void> comment = post.parentId == null ? Uni.createFrom().voidItem() : followUp.onComment(post, analysis);
        if (!analysis.isComplaint() || !analysis.hasTopic()) {
            return comment;
        }
        return comment.chain(() -> IncidentPost.count("postId", post.id))
                .chain(known -> known > 0 ? Uni.createFrom().voidItem()
                        : grouping.find(post, analysis.topic().label(), analysis.municipality())
                        .chain(joined -> joined.isPresent() ? join(joined.get(), post, analysis) : open(post, analysis)));
    }

    private Uni<Void> open(Post post, AnalysisResult analysis) {
        Instant now = clock.instant();
        Incident incident = new Incident();
        incident.status = "new";
        incident.topic = analysis.topic().label();
        incident.incidentType = typeOf(analysis);
        incident.agencyCode = analysis.agency() == null ? null : analysis.agency().code();
        incident.municipalityCode = analysis.municipality();
        incident.conflictScore = analysis.conflictScore();
        incident.reach = post.metrics().reach();
        incident.growth = 1;
        PriorityDecision priority = priorities.decide(new PrioritySignals(incident.conflictScore, incident.reach, 1));
        incident.priority = priority.priority().code();
        incident.title = titleOf(post);
        incident.firstSeenAt = post.publishedAt;
        incident.lastSeenAt = post.publishedAt;
        incident.postCount = 1;
        incident.createdAt = now;
        incident.updatedAt = now;
        // The complaint is received when Otklik sees it: the clocks start now, on working time.
        List<SlaClock> clocks = deadlines.startClocks(incident, now);
        return incident.<Incident>persist()
                .chain(saved -> link(saved, post, now)
                        .chain(() -> deadlines.persistNew(saved, clocks, now))
                        .chain(() -> event(saved.id, "opened", "Жалоба по теме " + saved.topic + " в посте " + post.id, now,
                                Map.of("postId", post.id, "priority", saved.priority, "priorityReasons", priority.reasons(),
                                        "firstResponseDue", String.valueOf(saved.firstResponseDueAt),
                                        "deadline", String.valueOf(saved.deadlineAt))))
                        .invoke(() -> LOG.debugf("Incident %d opened for post %d", saved.id, post.id)))
                .replaceWithVoid();
    }

    private Uni<Void> join(IncidentGrouping.Joined joined, Post post, AnalysisResult analysis) {
        Instant now = clock.instant();
        Incident incident = joined.incident();
        incident.postCount++;
        // Something to fix outweighs a question about it: one problem post makes the incident a problem.
        if (PROBLEM.equals(typeOf(analysis))) {
            incident.incidentType = PROBLEM;
        }
        incident.reach += post.metrics().reach();
        incident.conflictScore = Math.max(incident.conflictScore, analysis.conflictScore());
        incident.firstSeenAt = post.publishedAt.isBefore(incident.firstSeenAt) ? post.publishedAt : incident.firstSeenAt;
        incident.lastSeenAt = post.publishedAt.isAfter(incident.lastSeenAt) ? post.publishedAt : incident.lastSeenAt;
        incident.updatedAt = now;
        return link(incident, post, now)
                .chain(() -> growth(incident, now))
                .chain(() -> event(incident.id, "post_joined", "Пост " + post.id + " о той же проблеме", now,
                        Map.of("postId", post.id, "similarity", joined.match().similarity())))
                .chain(() -> reprioritise(incident, now));
    }

    /** Growth: posts of the incident published within the growth window before now. */
    private Uni<Void> growth(Incident incident, Instant now) {
        return Post.count("id in (select m.postId from IncidentPost m where m.incidentId = ?1) and publishedAt > ?2",
                        incident.id, now.minus(priorities.growthWindow()))
                .invoke(n -> incident.growth = n.intValue()).replaceWithVoid();
    }

    private Uni<Void> reprioritise(Incident incident, Instant now) {
        Priority current = Priority.fromCode(incident.priority);
        Priority raised = priorities.raise(current, new PrioritySignals(incident.conflictScore, incident.reach, incident.growth));
        if (raised == current) {
            return Uni.createFrom().voidItem();
        }
        incident.priority = raised.code();
        return deadlines.onPriorityChange(incident, now)
                .chain(() -> event(incident.id, "priority_changed", "Приоритет повышен: " + current.code() + " → " + raised.code(),
                        now, Map.of("from", current.code(), "to", raised.code(), "reach", incident.reach, "growth", incident.growth)));
    }

    private static Uni<Void> event(long incidentId, String type, String reason, Instant at, Map<String, Object> payload) {
        IncidentEvent event = IncidentEvent.of(incidentId, type, SYSTEM, reason, at);
        event.payload = payload;
        return event.persist().replaceWithVoid();
    }

    private static Uni<IncidentPost> link(Incident incident, Post post, Instant now) {
        IncidentPost member = new IncidentPost();
        member.incidentId = incident.id;
        member.postId = post.id;
        member.addedAt = now;
        return member.persist();
    }

    /** The analysis's incident type; an analysis stored before types existed described a problem. */
    private static String typeOf(AnalysisResult analysis) {
        return analysis.incidentType() == null ? PROBLEM : analysis.incidentType();
    }

    private static String titleOf(Post post) {
        return titleOf(post.title, post.text);
    }

    /** An incident's title: the post's title, else its text, on one line and cut to the title length. */
    public static String titleOf(String title, String text) {
        String source = title != null && !title.isBlank() ? title : text;
        String line = source.strip().replaceAll("\\s+", " ");
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1) + "…";
    }
}
