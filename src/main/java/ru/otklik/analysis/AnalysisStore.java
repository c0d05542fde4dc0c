package ru.otklik.analysis;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import ru.otklik.alert.AlertService;
import ru.otklik.incident.IncidentService;
import ru.otklik.post.Post;

/**
 * Stores a batch of analyses and hands each to the incident stage in the same transaction, so a post is
 * either analysed and routed, or still in the queue.
 */
@ApplicationScoped
public class AnalysisStore {

    /** One analysed post. */
    public record Analysed(ClaimedPost post, AnalysisResult result) {
    }

    private final IncidentService incidents;
    private final AlertService alerts;
    private final Clock clock;

    public AnalysisStore(IncidentService incidents, AlertService alerts, Clock clock) {
        this.incidents = incidents;
        this.alerts = alerts;
        this.clock = clock;
    }

    public Uni<Void> save(List<Analysed> batch) {
        return Panache.withTransaction(() -> Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(this::saveOne)
                .collect().last()).replaceWithVoid();
    }

    private Uni<Void> saveOne(Analysed a) {
        long id = a.post().id();
        int version = a.post().version();
        String state = "ru".equals(a.result().lang()) ? "done" : "skipped";
        return PostAnalysisRecord.count("postId = ?1 and postVersion = ?2", id, version)
                .chain(existing -> existing > 0 ? Uni.createFrom().voidItem()
                        : PostAnalysisRecord.of(id, version, a.result(), clock.instant()).persist().replaceWithVoid())
                .chain(() -> Post.update("analysisState = ?1, claimedAt = null where id = ?2 and version = ?3",
                        state, id, version))
                .chain(updated -> updated == 0 ? Uni.createFrom().voidItem() : route(id, a.result()));
    }

    /**
     * Replaces the language-only analysis of a post skipped as non-Russian with its full analysis, made by
     * hand, and routes it like any analysed post, in one transaction. The post row is updated first: it is
     * locked until the commit, so two clicks analyse it once. False when the post is no longer skipped (it
     * was edited, or someone sent it already).
     */
    public Uni<Boolean> replaceSkipped(Analysed a) {
        long id = a.post().id();
        int version = a.post().version();
        return Panache.withTransaction(() -> Post.update("analysisState = 'done', claimedAt = null "
                        + "where id = ?1 and version = ?2 and analysisState = 'skipped'", id, version)
                .chain(updated -> updated == 0 ? Uni.createFrom().item(false)
                        : PostAnalysisRecord.delete("postId = ?1 and postVersion = ?2", id, version)
                        .chain(() -> PostAnalysisRecord.of(id, version, a.result(), clock.instant()).persist())
                        .chain(() -> route(id, a.result()))
                        .replaceWith(true)));
    }

    private Uni<Void> route(long postId, AnalysisResult result) {
        return Post.<Post>findById(postId).chain(post -> incidents.onAnalysed(post, result)
                .chain(() -> alerts.onAnalysed(post, result)));
    }
}
