package ru.otklik.analysis;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.otklik.common.ApiException;
import ru.otklik.incident.IncidentPost;
import ru.otklik.post.Post;
import ru.otklik.search.SearchService;

/**
 * Sends a post the language identifier skipped as non-Russian to the full analysis, by an analyst's hand:
 * a post in a mixed or misread language can still be a resident's complaint, and then it becomes an incident
 * like any other. The stored analysis keeps the detected language and who sent it.
 */
@ApplicationScoped
public class AnalyzeAsRussian {

    /** What the manual analysis concluded; {@code incidentId} is null when the post is not an incident. */
    public record Outcome(long postId, String detectedLang, String complaint, String topic, Long incidentId) {
    }

    private record Skipped(ClaimedPost post, String detectedLang) {
    }

    private final NlpPostAnalyzer analyzer;
    private final AnalysisStore store;
    private final SearchService search;
    private final Vertx vertx;

    public AnalyzeAsRussian(NlpPostAnalyzer analyzer, AnalysisStore store, SearchService search, Vertx vertx) {
        this.analyzer = analyzer;
        this.store = store;
        this.search = search;
        this.vertx = vertx;
    }

    public Uni<Outcome> run(long postId, String analyst) {
        return skipped(postId).chain(s -> vertx.executeBlocking(Uni.createFrom().item(() -> analysed(s, analyst)), false)
                .call(a -> store.replaceSkipped(a).invoke(replaced -> {
                    if (!replaced) {
                        throw notSkipped(postId);
                    }
                }))
                .call(() -> search.index(List.of(postId)))
                .chain(a -> incidentOf(postId).map(incident -> new Outcome(postId, s.detectedLang(),
                        a.result().complaint().label(), a.result().topic().label(), incident))));
    }

    private static Uni<Long> incidentOf(long postId) {
        return Panache.withSession(() -> IncidentPost.<IncidentPost>find("postId", postId).firstResult())
                .map(link -> link == null ? null : link.incidentId);
    }

    private Uni<Skipped> skipped(long postId) {
        return Panache.withSession(() -> Post.<Post>findById(postId).chain(post -> {
            if (post == null) {
                throw ApiException.notFound("Нет поста " + postId);
            }
            if (!"skipped".equals(post.analysisState)) {
                throw notSkipped(postId);
            }
            return PostAnalysisRecord.<PostAnalysisRecord>find("postId = ?1 and postVersion = ?2", post.id, post.version)
                    .firstResult()
                    .map(record -> new Skipped(ClaimedPost.of(post), record == null ? "und" : record.lang));
        }));
    }

    private AnalysisStore.Analysed analysed(Skipped s, String analyst) {
        AnalysisResult r = analyzer.analyzeAsRussian(s.post().text());
        Map<String, Object> explanation = new LinkedHashMap<>(r.explanation());
        explanation.put("analysedAsRussian", Map.of("detectedLang", s.detectedLang(), "by", analyst));
        return AnalysisStore.Analysed.of(s.post(), new AnalysisResult(r.lang(), r.complaint(), r.incidentType(), r.topic(),
                r.conflict(), r.inappropriate(), r.sentiment(), r.places(), r.municipality(), r.agency(), explanation, r.modelVersions()));
    }

    private static ApiException notSkipped(long postId) {
        return ApiException.conflict("Пост " + postId + " не пропущен как нерусский: он уже проанализирован "
                + "или ждёт анализа");
    }
}
