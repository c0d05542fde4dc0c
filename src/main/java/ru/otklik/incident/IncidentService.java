package ru.otklik.incident;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import ru.otklik.analysis.AnalysisResult;
import ru.otklik.post.Post;

/**
 * Turns analysed complaints into incidents. Runs inside the analysis transaction and is idempotent: a post
 * already in an incident is left where it is.
 */
@ApplicationScoped
public class IncidentService {

    static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(IncidentService.class);
    private static final int TITLE_LENGTH = 140;

    private final IncidentConfig config;
    private final Clock clock;

    public IncidentService(IncidentConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> onAnalysed(Post post, AnalysisResult analysis) {
        if (!analysis.isComplaint() || !analysis.hasTopic()) {
            return Uni.createFrom().voidItem();
        }
        return IncidentPost.count("postId", post.id)
                .chain(known -> known > 0 ? Uni.createFrom().voidItem() : open(post, analysis));
    }

    private Uni<Void> open(Post post, AnalysisResult analysis) {
        Instant now = clock.instant();
        Incident incident = new Incident();
        incident.status = "new";
        incident.topic = analysis.topic().label();
        incident.agencyCode = analysis.agency() == null ? null : analysis.agency().code();
        incident.municipalityCode = analysis.municipality();
        incident.conflictScore = analysis.conflictScore();
        incident.priority = incident.conflictScore >= config.highPriorityConflict() ? "high" : "normal";
        incident.title = titleOf(post);
        incident.firstSeenAt = post.publishedAt;
        incident.lastSeenAt = post.publishedAt;
        incident.firstResponseDueAt = now.plus(config.firstResponse());
        incident.deadlineAt = now.plus(config.resolution());
        incident.postCount = 1;
        incident.reach = post.metrics().reach();
        incident.createdAt = now;
        incident.updatedAt = now;
        return incident.<Incident>persist()
                .chain(saved -> link(saved, post, now)
                        .chain(() -> IncidentEvent.of(saved.id, "opened", SYSTEM,
                                "Жалоба по теме " + saved.topic + " в посте " + post.id, now).persist())
                        .invoke(() -> LOG.debugf("Incident %d opened for post %d", saved.id, post.id)))
                .replaceWithVoid();
    }

    private static Uni<IncidentPost> link(Incident incident, Post post, Instant now) {
        IncidentPost member = new IncidentPost();
        member.incidentId = incident.id;
        member.postId = post.id;
        member.addedAt = now;
        return member.persist();
    }

    private static String titleOf(Post post) {
        String source = post.title != null && !post.title.isBlank() ? post.title : post.text;
        String line = source.strip().replaceAll("\\s+", " ");
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1) + "…";
    }
}
