package ru.otklik.analysis;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.otklik.alert.AlertService;
import ru.otklik.common.JsonSql;
import ru.otklik.incident.IncidentService;
import ru.otklik.incident.grouping.TermVector;
import ru.otklik.post.Post;

/**
 * Stores a batch of analyses and hands the batch to the incident and alert stages in the same transaction, so
 * a post is either analysed and routed, or still in the queue. Set-based: a few statements per batch, not a
 * chain of round trips per post. Idempotent: an analysis already stored for a post's version is kept, a post
 * already in an incident stays there, an alert is raised once per subject; and a post edited since it was
 * claimed (its version moved on) is left to the queue, which analyses the new text.
 */
@ApplicationScoped
public class AnalysisStore {

    /** One analysed post; {@code terms} are its stems for grouping, null unless it is a complaint with a topic. */
    public record Analysed(ClaimedPost post, AnalysisResult result, TermVector terms) {

        /** Grouping compares stems; computing them here keeps that CPU work on the caller's (worker) thread. */
        public static Analysed of(ClaimedPost post, AnalysisResult result) {
            return new Analysed(post, result, result.isComplaint() && result.hasTopic() ? TermVector.of(post.text()) : null);
        }
    }

    private record StateRow(long id, int version, String state) {
    }

    /**
     * Marks the posts whose analysed version is still current and drops the batch's claims (an edited post's too:
     * it is pending again, free for the next claim); returns the marked posts as the next stages read them. It updates
     * the post rows before the batch inserts any membership, so the batch holds their locks until it commits: an edit
     * waits, and its V76 trigger then sees the committed membership (MembershipVersionRaceTest reads this statement).
     */
    static final String MARK = """
            with released as (delete from analysis_claim c using %1$s where c.post_id = r.id),
                 q as (update post p set analysis_state = r.state
                       from %1$s where p.id = r.id and p.version = r.version
                       returning p.id, p.version, p.parent_id, p.title, p.text, p.url, p.author_handle, p.published_at,
                                 coalesce(p.likes, 0) + coalesce(p.reposts, 0) + coalesce(p.views, 0) as reach,
                                 (select m.incident_id from incident_post m where m.post_id = p.id) as incident_id,
                                 (select m.incident_id from incident_post m where m.post_id = p.parent_id)
                                     as parent_incident_id)
            select cast(coalesce(json_agg(q), '[]') as text) from q""".formatted(JsonSql.recordset(StateRow.class));

    private final IncidentService incidents;
    private final AlertService alerts;
    private final JsonSql sql;
    private final ModelSets modelSets;
    private final Clock clock;

    public AnalysisStore(IncidentService incidents, AlertService alerts, JsonSql sql, ModelSets modelSets, Clock clock) {
        this.incidents = incidents;
        this.modelSets = modelSets;
        this.alerts = alerts;
        this.sql = sql;
        this.clock = clock;
    }

    public Uni<Void> save(List<Analysed> batch) {
        // the model sets are stored (once per process, then remembered) before the batch's own transaction
        return modelSets.idsOf(batch.stream().map(a -> a.result().modelVersions()).toList())
                .chain(setIds -> saveWith(batch, setIds));
    }

    private Uni<Void> saveWith(List<Analysed> batch, Map<Map<String, String>, Long> setIds) {
        Instant now = clock.instant();
        List<AnalysisRow> rows = batch.stream().map(a -> AnalysisRow.of(a.post().id(), a.post().version(), a.result(),
                setIds.get(a.result().modelVersions()), now)).toList();
        List<StateRow> states = batch.stream().map(a -> new StateRow(a.post().id(), a.post().version(),
                "ru".equals(a.result().lang()) ? "done" : "skipped")).toList();
        return Panache.withTransaction(() -> sql.execute(AnalysisRow.INSERT, rows)
                .chain(() -> sql.queryJson(MARK, states, StoredPost.class))
                .map(stored -> current(batch, stored))
                .chain(posts -> incidents.onAnalysed(posts).chain(incidentOf -> alerts.onAnalysed(posts, incidentOf))));
    }

    /**
     * Replaces the language-only analysis of a post skipped as non-Russian with its full analysis, made by
     * hand, and routes it like any analysed post, in one transaction. The post row is updated first (to the
     * state it has): it is locked until the commit, so two clicks analyse it once. False when the post is no
     * longer skipped (it was edited, or someone sent it already).
     */
    public Uni<Boolean> replaceSkipped(Analysed a) {
        long id = a.post().id();
        int version = a.post().version();
        return modelSets.idsOf(List.of(a.result().modelVersions())).chain(setIds -> Panache.withTransaction(() -> Post
                .update("analysisState = 'skipped' where id = ?1 and version = ?2 and analysisState = 'skipped'", id, version)
                .chain(updated -> updated == 0 ? Uni.createFrom().item(false)
                        : PostAnalysisRecord.delete("postId = ?1 and postVersion = ?2", id, version)
                        .chain(() -> saveWith(List.of(a), setIds))
                        .replaceWith(true))));
    }

    /** The batch's posts still at the analysed version, in the batch's order. */
    private static List<AnalysedPost> current(List<Analysed> batch, List<StoredPost> stored) {
        Map<Long, StoredPost> byId = new HashMap<>();
        stored.forEach(p -> byId.put(p.id(), p));
        List<AnalysedPost> posts = new ArrayList<>();
        for (Analysed a : batch) {
            StoredPost p = byId.get(a.post().id());
            if (p != null) {
                posts.add(new AnalysedPost(p, a.result(), a.terms()));
            }
        }
        return posts;
    }
}
