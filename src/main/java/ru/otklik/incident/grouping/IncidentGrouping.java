package ru.otklik.incident.grouping;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.otklik.incident.Incident;
import ru.otklik.incident.IncidentPost;
import ru.otklik.incident.workflow.IncidentStatus;
import ru.otklik.post.Post;

/** Finds the open incident a complaint belongs to, if any, by {@link IncidentMatcher}'s rule. */
@ApplicationScoped
public class IncidentGrouping {

    /** The most recently seen candidates considered; older ones in a busy area rarely match anyway. */
    private static final int MAX_CANDIDATES = 50;

    /** An incident's text is its latest posts; a long thread adds little beyond these and costs CPU. */
    private static final int POSTS_PER_INCIDENT = 20;

    private final IncidentMatcher matcher;

    public IncidentGrouping(GroupingConfig config) {
        this.matcher = new IncidentMatcher(config.window(), config.minSimilarity());
    }

    /** Loads the Russian analyzer at start rather than on the first complaint's event-loop turn. */
    void warmUp(@Observes StartupEvent event) {
        TermVector.of("прогрев анализатора");
    }

    /** The match and the incident it names, if the complaint joins one. */
    public record Joined(Incident incident, GroupingMatch match) {
    }

    public Uni<Optional<Joined>> find(Post post, String topic, String municipality) {
        Instant from = post.publishedAt.minus(matcher.window());
        Instant to = post.publishedAt.plus(matcher.window());
        String where = "topic = ?1 and status not in ('resolved', 'closed', 'duplicate') and lastSeenAt >= ?2 and lastSeenAt <= ?3 and "
                + (municipality == null ? "municipalityCode is null" : "municipalityCode = ?4");
        Object[] params = municipality == null ? new Object[] {topic, from, to} : new Object[] {topic, from, to, municipality};
        return Incident.<Incident>find(where + " order by lastSeenAt desc", params).page(0, MAX_CANDIDATES).list()
                .chain(incidents -> incidents.isEmpty() ? Uni.createFrom().item(Optional.<Joined>empty())
                        : texts(incidents).map(texts -> match(post, topic, municipality, incidents, texts)));
    }

    private Optional<Joined> match(Post post, String topic, String municipality, List<Incident> incidents,
                                   Map<Long, TermVector> texts) {
        List<GroupingCandidate> candidates = incidents.stream().map(i -> new GroupingCandidate(i.id, i.topic,
                i.municipalityCode, IncidentStatus.fromCode(i.status), i.lastSeenAt,
                texts.getOrDefault(i.id, new TermVector(Map.of())))).toList();
        Complaint complaint = new Complaint(topic, municipality, post.publishedAt, TermVector.of(textOf(post)));
        return matcher.match(complaint, candidates).map(m -> new Joined(
                incidents.stream().filter(i -> i.id == m.incidentId()).findFirst().orElseThrow(), m));
    }

    /** Each incident's text: the sum of its posts' term vectors. */
    private static Uni<Map<Long, TermVector>> texts(List<Incident> incidents) {
        List<Long> ids = incidents.stream().map(i -> i.id).toList();
        return IncidentPost.<IncidentPost>list("incidentId in ?1 order by addedAt desc", ids).chain(members -> {
            Map<Long, Long> incidentOfPost = new HashMap<>();
            Map<Long, Integer> taken = new HashMap<>();
            for (IncidentPost m : members) {
                if (taken.merge(m.incidentId, 1, Integer::sum) <= POSTS_PER_INCIDENT) {
                    incidentOfPost.put(m.postId, m.incidentId);
                }
            }
            return Post.<Post>list("id in ?1", List.copyOf(incidentOfPost.keySet())).map(posts -> {
                Map<Long, TermVector> texts = new HashMap<>();
                for (Post p : posts) {
                    texts.merge(incidentOfPost.get(p.id), TermVector.of(textOf(p)), TermVector::plus);
                }
                return texts;
            });
        });
    }

    static String textOf(Post post) {
        return post.title == null || post.title.isBlank() ? post.text : post.title + ". " + post.text;
    }
}
