package ru.otklik.incident.followup;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import ru.otklik.analysis.AnalysisResult;
import ru.otklik.analysis.PostAnalysisRecord;
import ru.otklik.incident.Incident;
import ru.otklik.incident.IncidentEvent;
import ru.otklik.incident.IncidentPost;
import ru.otklik.incident.deadline.DeadlineService;
import ru.otklik.post.Post;

/**
 * Reads a comment under one of an incident's posts: a reply from an official account is the first
 * response; a later comment by the complaint's author feeds the satisfaction estimate. Only
 * pseudonymous ids are compared, and none is written into the event.
 */
@ApplicationScoped
public class CommentFollowUp {

    private final Set<String> officialAccounts;
    private final DeadlineService deadlines;
    private final Clock clock;

    public CommentFollowUp(FollowUpConfig config, DeadlineService deadlines, Clock clock) {
        this.officialAccounts = config.officialAccounts().orElse(java.util.List.of()).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public boolean isOfficial(String authorHandle) {
        return authorHandle != null && officialAccounts.contains(authorHandle.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Reads a comment under one of an incident's posts.
     *
     * @param ahead comments analysed in the same batch whose turn comes later: an official reply does not
     *              count them as earlier follow-ups, since their own turn counts them
     */
    public Uni<Void> onComment(Post comment, AnalysisResult analysis, Set<Long> ahead) {
        return IncidentPost.<IncidentPost>find("postId", comment.parentId).firstResult().chain(member -> member == null
                ? Uni.createFrom().voidItem()
                : Incident.<Incident>findById(member.incidentId).chain(incident -> isOfficial(comment.authorHandle)
                        ? officialReply(incident, comment, ahead)
                        : Post.<Post>findById(comment.parentId)
                        .chain(parent -> authorFollowUp(incident, parent, comment, analysis.sentiment()))));
    }

    private Uni<Void> officialReply(Incident incident, Post reply, Set<Long> ahead) {
        if (incident.firstResponseAt != null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        incident.firstResponseAt = reply.publishedAt;
        if (incident.answerUrl == null) {
            incident.answerUrl = reply.url;
        }
        incident.updatedAt = now;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("postId", reply.id);
        payload.put("account", reply.authorHandle);
        payload.put("url", reply.url);
        return deadlines.firstResponse(incident, reply.publishedAt, now)
                .chain(() -> event(incident.id, "official_reply", "Ответ официального аккаунта " + reply.authorHandle, now, payload))
                .chain(() -> earlierFollowUps(incident, reply.publishedAt, ahead));
    }

    /**
     * Comments are not analysed in publication order (another crawl, another batch), so the
     * author's follow-ups already analysed when the reply arrives are counted now.
     */
    private Uni<Void> earlierFollowUps(Incident incident, Instant after, Set<Long> ahead) {
        return Post.<Post>list("parentId in (select m.postId from IncidentPost m where m.incidentId = ?1) "
                        + "and publishedAt > ?2 and analysisState = 'done' order by publishedAt, id", incident.id, after)
                .map(comments -> comments.stream().filter(c -> !ahead.contains(c.id)).toList())
                .chain(comments -> Multi.createFrom().iterable(comments).onItem().transformToUniAndConcatenate(c -> Post
                        .<Post>findById(c.parentId)
                        .chain(parent -> PostAnalysisRecord.<PostAnalysisRecord>find("postId = ?1 order by postVersion desc", c.id)
                                .firstResult()
                                .chain(a -> a == null ? Uni.createFrom().voidItem() : authorFollowUp(incident, parent, c,
                                        new AnalysisResult.Label(a.sentiment, a.sentimentScore == null ? 0 : a.sentimentScore)))))
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> authorFollowUp(Incident incident, Post parent, Post comment, AnalysisResult.Label sentiment) {
        boolean byAuthor = parent != null && comment.authorPseudonym != null
                && Objects.equals(parent.authorPseudonym, comment.authorPseudonym);
        if (!byAuthor || incident.firstResponseAt == null || !comment.publishedAt.isAfter(incident.firstResponseAt)) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        double estimate = SatisfactionEstimator.estimate(sentiment);
        incident.satisfaction = SatisfactionEstimator.mean(incident.satisfaction, incident.satisfactionSamples, estimate);
        incident.satisfactionSamples++;
        incident.updatedAt = now;
        return event(incident.id, "satisfaction_estimated", "Отклик автора после ответа", now,
                Map.of("postId", comment.id, "estimate", estimate, "satisfaction", incident.satisfaction));
    }

    private static Uni<Void> event(long incidentId, String type, String reason, Instant at, Map<String, Object> payload) {
        IncidentEvent event = IncidentEvent.of(incidentId, type, "system", reason, at);
        event.payload = payload;
        return event.persist().replaceWithVoid();
    }
}
