package ru.otklik.incident.grouping;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import ru.otklik.common.JsonSql;
import ru.otklik.incident.workflow.IncidentStatus;

/**
 * Places a batch of complaints into incidents by {@link IncidentMatcher}'s rule: each joins the most similar
 * open incident or opens one. Three statements per batch whatever its size: the open incidents of the batch's
 * topics and municipalities seen within the window (on {@code incident_grouping_idx}, at most
 * {@value #MAX_CANDIDATES} per complaint), their latest posts, and the texts of those posts not yet in
 * {@link TermVectorCache}. A candidate's vector, the sum of its latest posts', is taken from
 * {@link IncidentTermsCache} while those posts are the ones it was summed from. The complaints are then placed one
 * after the other in the batch's order, so two complaints of one batch about one problem join the same incident,
 * opened by the first.
 *
 * <p>The comparing (summing the candidates' vectors, cosines) and the stemming of texts not in the cache run on
 * a worker thread, not on the event loop: in a drain's profile they were a third of the event loop's CPU, and
 * the event loop also answers the API. The statements before and after them still run on the caller's context.
 */
@ApplicationScoped
public class IncidentGrouping {

    /** The most recently seen candidates considered; older ones in a busy area rarely match anyway. */
    static final int MAX_CANDIDATES = 50;

    /** An incident's text is its latest posts; a long thread adds little beyond these and costs CPU. */
    static final int POSTS_PER_INCIDENT = 20;

    private static final String CANDIDATES = """
            select distinct i.id, i.topic, i.municipality_code as municipality, i.status, i.last_seen_at
            from %s
            cross join lateral (select id, topic, municipality_code, status, last_seen_at from incident
                                where topic = r.topic and coalesce(municipality_code, '') = coalesce(r.municipality, '')
                                  and status not in ('resolved', 'closed', 'duplicate')
                                  and last_seen_at between r.from_at and r.to_at
                                order by last_seen_at desc limit %d) i""".formatted(JsonSql.recordset(Window.class), MAX_CANDIDATES);

    /**
     * Off {@code incident_post_latest_idx} alone (V76), which gives an incident's memberships in this order with their
     * posts' versions: joining each to {@code post} for its version was most of the statement's cost.
     */
    private static final String MEMBERS = """
            select r.id as incident_id, m.post_id, m.post_version as version, m.added_at
            from %s
            cross join lateral (select post_id, post_version, added_at from incident_post where incident_id = r.id
                                order by added_at desc, post_id desc limit %d) m""".formatted(JsonSql.recordset(Id.class), POSTS_PER_INCIDENT);

    private static final String TEXTS = """
            select p.id, p.version, p.title, p.text
            from %s join post p on p.id = r.id""".formatted(JsonSql.recordset(Id.class));

    private final IncidentMatcher matcher;
    private final JsonSql sql;
    private final TermVectorCache cache;
    private final IncidentTermsCache sums;
    /** One thread: batches are placed one after the other anyway, and the analysis pool has the cores. */
    private final WorkerExecutor executor;

    public IncidentGrouping(GroupingConfig config, JsonSql sql, TermVectorCache cache, IncidentTermsCache sums,
                            Vertx vertx) {
        this.matcher = new IncidentMatcher(config.window(), config.minSimilarity());
        this.sql = sql;
        this.cache = cache;
        this.sums = sums;
        this.executor = vertx.createSharedWorkerExecutor("otklik-grouping", 1);
    }

    @PreDestroy
    void close() {
        executor.closeAndForget();
    }

    /**
     * Runs CPU work on the grouping thread; the result comes back on the caller's context, where the
     * transaction's next statement must run.
     */
    private <T> Uni<T> offLoop(Supplier<T> work) {
        return executor.executeBlocking(Uni.createFrom().item(work), false);
    }

    /** Loads the Russian analyzer at start rather than on the first complaint's event-loop turn. */
    void warmUp(@Observes StartupEvent event) {
        TermVector.of("прогрев анализатора");
    }

    /** A complaint of the batch: its post (id and text version) and what grouping compares. */
    public record Arrival(long postId, int postVersion, Complaint complaint) {
    }

    /**
     * Where a complaint went: an incident loaded from the database ({@link Group#id()} set) or opened by this
     * batch (id null until the caller stores it). {@code similarity} is null for the complaint that opened it.
     */
    public record Placement(Arrival arrival, Group group, Double similarity) {

        public boolean opened() {
            return similarity == null;
        }
    }

    public Uni<List<Placement>> place(List<Arrival> arrivals) {
        if (arrivals.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return candidates(arrivals).chain(groups -> offLoop(() -> {
            arrivals.forEach(a -> cache.put(a.postId(), a.postVersion(), a.complaint().terms()));
            List<Group> all = new ArrayList<>(groups);
            List<Placement> placements = new ArrayList<>();
            for (Arrival a : arrivals) {
                placements.add(placeOne(a, all));
            }
            return placements;
        }));
    }

    private Placement placeOne(Arrival a, List<Group> groups) {
        Complaint c = a.complaint();
        List<Group> near = groups.stream()
                .filter(g -> Objects.equals(g.topic, c.topic()) && Objects.equals(g.municipality, c.municipality()))
                .filter(g -> Duration.between(g.lastSeenAt, c.publishedAt()).abs().compareTo(matcher.window()) <= 0)
                .sorted(Comparator.comparing((Group g) -> g.lastSeenAt).reversed())
                .limit(MAX_CANDIDATES)
                .toList();
        Map<Long, Group> byKey = new HashMap<>();
        near.forEach(g -> byKey.put(g.key, g));
        Optional<GroupingMatch> match = matcher.match(c, near.stream().map(Group::candidate).toList());
        if (match.isPresent()) {
            Group joined = byKey.get(match.get().incidentId());
            joined.add(c.terms(), c.publishedAt());
            return new Placement(a, joined, match.get().similarity());
        }
        // batch-local keys are negative, so they never meet an incident id
        Group opened = new Group(null, -1L - groups.size(), c.topic(), c.municipality(), IncidentStatus.NEW,
                c.publishedAt(), List.of(), null);
        opened.add(c.terms(), c.publishedAt());
        groups.add(opened);
        return new Placement(a, opened, null);
    }

    private record CandidateRow(long id, String topic, String municipality, String status, Instant lastSeenAt) {
    }

    private record Window(String topic, String municipality, Instant fromAt, Instant toAt) {
    }

    private record MemberRow(long incidentId, long postId, int version, Instant addedAt) {
    }

    private record TextRow(long id, int version, String title, String text) {
    }

    private record Id(long id) {
    }

    private Uni<List<Group>> candidates(List<Arrival> arrivals) {
        List<Window> windows = arrivals.stream().map(Arrival::complaint)
                .map(c -> new Window(c.topic(), c.municipality(), c.publishedAt().minus(matcher.window()),
                        c.publishedAt().plus(matcher.window())))
                .distinct().toList();
        return sql.query(CANDIDATES, windows, CandidateRow.class).chain(rows -> rows.isEmpty()
                ? Uni.createFrom().item(List.<Group>of())
                : sql.query(MEMBERS, rows.stream().map(r -> new Id(r.id())).toList(), MemberRow.class)
                .chain(members -> vectors(members).map(vectors -> groups(rows, members, vectors))));
    }

    /** The term vectors of the candidates' latest posts: from the cache, the rest from their texts. */
    private Uni<Map<Long, TermVector>> vectors(List<MemberRow> members) {
        Map<Long, TermVector> vectors = new HashMap<>();
        List<Id> missing = new ArrayList<>();
        for (MemberRow m : members) {
            TermVector known = cache.get(m.postId(), m.version());
            if (known != null) {
                vectors.put(m.postId(), known);
            } else {
                missing.add(new Id(m.postId()));
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(vectors);
        }
        return sql.query(TEXTS, missing, TextRow.class).chain(texts -> offLoop(() -> {
            for (TextRow t : texts) {
                TermVector terms = TermVector.of(textOf(t.title(), t.text()));
                cache.put(t.id(), t.version(), terms);
                vectors.put(t.id(), terms);
            }
            return vectors;
        }));
    }

    private List<Group> groups(List<CandidateRow> rows, List<MemberRow> members, Map<Long, TermVector> vectors) {
        Map<Long, LatestPosts> latest = new HashMap<>();
        members.stream()
                .sorted(Comparator.comparing(MemberRow::addedAt).thenComparing(MemberRow::postId).reversed())
                .forEach(m -> latest.computeIfAbsent(m.incidentId(), k -> LatestPosts.empty())
                        .add(vectors.getOrDefault(m.postId(), TermVector.EMPTY),
                                new IncidentTermsCache.Member(m.postId(), m.version())));
        Map<Long, Group> groups = new LinkedHashMap<>();
        for (CandidateRow r : rows) {
            LatestPosts posts = latest.getOrDefault(r.id(), LatestPosts.NONE);
            groups.computeIfAbsent(r.id(), id -> new Group(id, id, r.topic(), r.municipality(),
                    IncidentStatus.fromCode(r.status()), r.lastSeenAt(), posts.vectors(),
                    new Summed(sums, id, posts.members())));
        }
        return List.copyOf(groups.values());
    }

    /**
     * A loaded incident's latest posts, most recent first: their term vectors, and their ids and versions, which key
     * the remembered sum of those vectors.
     */
    private record LatestPosts(List<TermVector> vectors, List<IncidentTermsCache.Member> members) {

        static final LatestPosts NONE = new LatestPosts(List.of(), List.of());

        static LatestPosts empty() {
            return new LatestPosts(new ArrayList<>(), new ArrayList<>());
        }

        void add(TermVector vector, IncidentTermsCache.Member member) {
            vectors.add(vector);
            members.add(member);
        }
    }

    /** Where a loaded incident's summed vector is remembered: valid while the incident has the posts it was loaded with. */
    private record Summed(IncidentTermsCache cache, long incidentId, List<IncidentTermsCache.Member> members) {

        TermVector sum(List<TermVector> latest) {
            TermVector known = cache.get(incidentId, members);
            if (known != null) {
                return known;
            }
            TermVector terms = TermVector.sum(latest);
            cache.put(incidentId, members, terms);
            return terms;
        }
    }

    /** The text grouping compares: the title, if any, and the text. */
    public static String textOf(String title, String text) {
        return title == null || title.isBlank() ? text : title + ". " + text;
    }

    /** An incident as grouping sees it while a batch is placed: loaded from the database or opened by the batch. */
    public static final class Group {

        private Long id;
        private final long key;
        private final String topic;
        private final String municipality;
        private final IncidentStatus status;
        private Instant lastSeenAt;
        /** Most recently added first, at most {@link #POSTS_PER_INCIDENT}. */
        private final List<TermVector> latest;
        private TermVector terms;
        /** The incident's posts as loaded, while the batch has added none: their sum may be remembered. */
        private Summed loaded;

        Group(Long id, long key, String topic, String municipality, IncidentStatus status, Instant lastSeenAt,
              List<TermVector> latest, Summed loaded) {
            this.id = id;
            this.key = key;
            this.topic = topic;
            this.municipality = municipality;
            this.status = status;
            this.lastSeenAt = lastSeenAt;
            this.latest = new ArrayList<>(latest);
            this.loaded = loaded;
        }

        /** The incident's id; null for one opened by the batch until it is stored. */
        public Long id() {
            return id;
        }

        public void assignId(long id) {
            this.id = id;
        }

        private void add(TermVector postTerms, Instant publishedAt) {
            latest.add(0, postTerms);
            if (latest.size() > POSTS_PER_INCIDENT) {
                latest.remove(latest.size() - 1);
            }
            terms = null;
            loaded = null;
            lastSeenAt = publishedAt.isAfter(lastSeenAt) ? publishedAt : lastSeenAt;
        }

        private GroupingCandidate candidate() {
            if (terms == null) {
                terms = loaded == null ? TermVector.sum(latest) : loaded.sum(latest);
            }
            return new GroupingCandidate(key, topic, municipality, status, lastSeenAt, terms);
        }
    }
}
