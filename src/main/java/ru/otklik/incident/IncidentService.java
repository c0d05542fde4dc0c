package ru.otklik.incident;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import ru.otklik.analysis.AnalysedPost;
import ru.otklik.common.JsonSql;
import ru.otklik.incident.deadline.DeadlineService;
import ru.otklik.incident.followup.CommentFollowUp;
import ru.otklik.incident.grouping.Complaint;
import ru.otklik.incident.grouping.IncidentGrouping;
import ru.otklik.incident.grouping.IncidentGrouping.Arrival;
import ru.otklik.incident.grouping.IncidentGrouping.Group;
import ru.otklik.incident.grouping.IncidentGrouping.Placement;
import ru.otklik.incident.priority.Priority;
import ru.otklik.incident.priority.PriorityDecision;
import ru.otklik.incident.priority.PriorityRules;
import ru.otklik.incident.priority.PrioritySignals;
import ru.otklik.incident.sla.SlaClock;
import ru.otklik.post.Post;

/**
 * Turns a batch of analysed complaints into incidents: a complaint joins an open incident about the same
 * problem or opens a new one with a priority and working-time deadlines; a comment under an incident's post
 * may be an official reply or the author's follow-up. Runs inside the analysis transaction with a handful of
 * set-based statements per batch (see {@link IncidentWrites}), and is idempotent: a post already in an
 * incident is left where it is.
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
    private final IncidentWrites writes;

    public IncidentService(Clock clock, IncidentGrouping grouping, PriorityRules priorities, DeadlineService deadlines,
                           CommentFollowUp followUp, IncidentWrites writes) {
        this.clock = clock;
        this.grouping = grouping;
        this.priorities = priorities;
        this.deadlines = deadlines;
        this.followUp = followUp;
        this.writes = writes;
    }

    /**
     * Places the batch's complaints and reads its comments; returns, for every post of the batch that is in
     * an incident (now or from before), that incident's id.
     */
    public Uni<Map<Long, Long>> onAnalysed(List<AnalysedPost> posts) {
        Instant now = clock.instant();
        Map<Long, Long> incidentOf = new HashMap<>();
        posts.stream().filter(p -> p.post().incidentId() != null)
                .forEach(p -> incidentOf.put(p.post().id(), p.post().incidentId()));
        Map<Long, AnalysedPost> complaints = new LinkedHashMap<>();
        posts.stream().filter(p -> p.isGroupable() && p.post().incidentId() == null)
                .forEach(p -> complaints.put(p.post().id(), p));
        List<Arrival> arrivals = complaints.values().stream().map(p -> new Arrival(p.post().id(), p.post().version(),
                new Complaint(p.result().topic().label(), p.result().municipality(), p.post().publishedAt(), p.terms())))
                .toList();
        return grouping.place(arrivals)
                .chain(placements -> store(placements, complaints, now)
                        .invoke(() -> placements.forEach(p -> incidentOf.put(p.arrival().postId(), p.group().id()))))
                .chain(() -> followUps(posts, incidentOf))
                .replaceWith(incidentOf);
    }

    /** What a batch adds to one incident, in the batch's order; the first placement opened it if it is new. */
    private static final class Tally {
        final Group group;
        final List<Placement> placements = new ArrayList<>();
        final List<AnalysedPost> posts = new ArrayList<>();

        Tally(Group group) {
            this.group = group;
        }
    }

    private Uni<Void> store(List<Placement> placements, Map<Long, AnalysedPost> complaints, Instant now) {
        if (placements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<Group, Tally> tallies = new LinkedHashMap<>();
        for (Placement p : placements) {
            Tally t = tallies.computeIfAbsent(p.group(), Tally::new);
            t.placements.add(p);
            t.posts.add(complaints.get(p.arrival().postId()));
        }
        List<Tally> opened = tallies.values().stream().filter(t -> t.group.id() == null).toList();
        List<Tally> joined = tallies.values().stream().filter(t -> t.group.id() != null).toList();
        return writes.allocateIds(opened.size()).chain(ids -> {
            for (int i = 0; i < ids.size(); i++) {
                opened.get(i).group.assignId(ids.get(i));
            }
            IncidentWrites.Batch batch = new IncidentWrites.Batch(now);
            opened.forEach(t -> open(t, batch, now));
            placements.forEach(p -> batch.member(p.group().id(), p.arrival().postId(), p.arrival().postVersion(),
                    p.arrival().complaint().publishedAt()));
            placements.stream().filter(p -> !p.opened()).forEach(p -> batch.event(p.group().id(), "post_joined",
                    "Пост " + p.arrival().postId() + " о той же проблеме",
                    Map.of("postId", p.arrival().postId(), "similarity", p.similarity())));
            return writes.insertIncidents(batch)
                    .chain(() -> writes.join(joined.stream().map(t -> joinRow(t, now)).toList()))
                    .chain(signals -> reprioritise(signals, batch, now))
                    .chain(() -> deadlines.insertNew(batch.clocks(), now))
                    .chain(() -> writes.insertEvents(batch))
                    .invoke(() -> LOG.debugf("Batch placed %d complaints: %d incidents opened, %d joined",
                            placements.size(), opened.size(), joined.size()));
        });
    }

    /** A new incident from the complaint that opened it and those of the batch that joined it. */
    private void open(Tally t, IncidentWrites.Batch batch, Instant now) {
        AnalysedPost first = t.posts.get(0);
        Incident incident = new Incident();
        incident.id = t.group.id();
        incident.status = "new";
        incident.topic = first.result().topic().label();
        // something to fix outweighs a question about it: one problem post makes the incident a problem
        incident.incidentType = t.posts.stream().anyMatch(p -> PROBLEM.equals(typeOf(p))) ? PROBLEM : typeOf(first);
        incident.agencyCode = first.result().agency() == null ? null : first.result().agency().code();
        incident.municipalityCode = first.result().municipality();
        incident.conflictScore = first.result().conflictScore();
        incident.reach = first.post().reach();
        incident.growth = 1;
        PriorityDecision priority = priorities.decide(new PrioritySignals(incident.conflictScore, incident.reach, 1));
        incident.priority = priority.priority().code();
        incident.title = titleOf(first.post().title(), first.post().text());
        incident.firstSeenAt = first.post().publishedAt();
        incident.lastSeenAt = first.post().publishedAt();
        incident.postCount = 1;
        incident.createdAt = now;
        incident.updatedAt = now;
        // The complaint is received when Otklik sees it: the clocks start now, on working time.
        List<SlaClock> clocks = deadlines.startClocks(incident, now);
        batch.event(incident.id, "opened", "Жалоба по теме " + incident.topic + " в посте " + first.post().id(),
                Map.of("postId", first.post().id(), "priority", incident.priority, "priorityReasons", priority.reasons(),
                        "firstResponseDue", String.valueOf(incident.firstResponseDueAt),
                        "deadline", String.valueOf(incident.deadlineAt)));
        if (t.posts.size() > 1) {
            for (AnalysedPost p : t.posts.subList(1, t.posts.size())) {
                incident.postCount++;
                incident.reach += p.post().reach();
                incident.conflictScore = Math.max(incident.conflictScore, p.result().conflictScore());
                incident.firstSeenAt = min(incident.firstSeenAt, p.post().publishedAt());
                incident.lastSeenAt = max(incident.lastSeenAt, p.post().publishedAt());
            }
            incident.growth = priorities.growth(t.posts.stream().map(p -> p.post().publishedAt()).toList(), now);
            Priority current = Priority.fromCode(incident.priority);
            PrioritySignals signals = new PrioritySignals(incident.conflictScore, incident.reach, incident.growth);
            Priority raised = raised(current, signals);
            if (raised != current) {
                incident.priority = raised.code();
                clocks = deadlines.retarget(incident, clocks, now);
                batch.event(incident.id, "priority_changed", priorityReason(current, raised),
                        priorityPayload(current, raised, signals));
            }
        }
        batch.incident(incident, clocks);
    }

    private IncidentWrites.JoinRow joinRow(Tally t, Instant now) {
        return new IncidentWrites.JoinRow(t.group.id(), t.posts.size(),
                t.posts.stream().anyMatch(p -> PROBLEM.equals(typeOf(p))),
                t.posts.stream().mapToLong(p -> p.post().reach()).sum(),
                t.posts.stream().mapToDouble(p -> p.result().conflictScore()).max().orElse(0),
                t.posts.stream().map(p -> p.post().publishedAt()).min(Instant::compareTo).orElseThrow(),
                t.posts.stream().map(p -> p.post().publishedAt()).max(Instant::compareTo).orElseThrow(),
                now, now.minus(priorities.growthWindow()));
    }

    /**
     * Joined incidents whose signals now call for a higher priority get it, with shorter deadlines: one event
     * each, and their clocks and deadlines re-targeted by set-based statements over the batch.
     */
    private Uni<Void> reprioritise(List<IncidentWrites.Joined> joined, IncidentWrites.Batch batch, Instant now) {
        Map<Long, Priority> rising = new LinkedHashMap<>();
        for (IncidentWrites.Joined j : joined) {
            Priority current = Priority.fromCode(j.priority());
            Priority raised = raised(current, j.signals());
            if (raised != current) {
                rising.put(j.id(), raised);
                batch.event(j.id(), "priority_changed", priorityReason(current, raised),
                        priorityPayload(current, raised, j.signals()));
            }
        }
        return deadlines.onPriorityRaised(rising, now);
    }

    private Priority raised(Priority current, PrioritySignals signals) {
        return priorities.raise(current, signals);
    }

    private static String priorityReason(Priority from, Priority to) {
        return "Приоритет повышен: " + from.code() + " → " + to.code();
    }

    private static Map<String, Object> priorityPayload(Priority from, Priority to, PrioritySignals signals) {
        return Map.of("from", from.code(), "to", to.code(), "reach", signals.reach(), "growth", signals.growth());
    }

    /**
     * Comments under an incident's posts (one grouped by this batch included), one after the other in the
     * batch's order (rare: most posts are no such comment). A comment still ahead in the batch is not yet counted as an earlier follow-up: its own
     * turn counts it.
     */
    private Uni<Void> followUps(List<AnalysedPost> posts, Map<Long, Long> incidentOf) {
        List<AnalysedPost> comments = posts.stream().filter(p -> p.post().parentIncidentId() != null
                || p.post().parentId() != null && incidentOf.containsKey(p.post().parentId())).toList();
        return Multi.createFrom().range(0, comments.size()).onItem().transformToUniAndConcatenate(i -> {
            AnalysedPost c = comments.get(i);
            Set<Long> ahead = comments.subList(i + 1, comments.size()).stream().map(p -> p.post().id())
                    .collect(Collectors.toSet());
            return Post.<Post>findById(c.post().id()).chain(post -> followUp.onComment(post, c.result(), ahead));
        }).collect().last().replaceWithVoid();
    }

    /** The post's incident type; an analysis stored before types existed described a problem. */
    private static String typeOf(AnalysedPost post) {
        return post.result().incidentType() == null ? PROBLEM : post.result().incidentType();
    }

    private static Instant min(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    /** An incident's title: the post's title, else its text, on one line and cut to the title length. */
    public static String titleOf(String title, String text) {
        String source = title != null && !title.isBlank() ? title : text;
        String line = source.strip().replaceAll("\\s+", " ");
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1) + "…";
    }
}
