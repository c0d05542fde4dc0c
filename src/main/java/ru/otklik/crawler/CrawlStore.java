package ru.otklik.crawler;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.otklik.crawler.dedup.NearDuplicateLinker;
import ru.otklik.post.Post;
import ru.otklik.post.PostDraft;
import ru.otklik.post.PostIngestService;
import ru.otklik.post.UpsertOutcome;
import ru.otklik.post.UpsertStatus;
import ru.otklik.source.Source;

/**
 * Stores one page: its posts, their duplicate links and the cursor that follows them, in one transaction.
 * A crash between two pages therefore leaves the cursor exactly at the last stored page: nothing lost,
 * and the upsert makes the re-fetched overlap harmless.
 */
@ApplicationScoped
public class CrawlStore {

    private final PostIngestService ingest;
    private final NearDuplicateLinker linker;
    private final Clock clock;

    public CrawlStore(PostIngestService ingest, NearDuplicateLinker linker, Clock clock) {
        this.ingest = ingest;
        this.linker = linker;
        this.clock = clock;
    }

    public Uni<CrawlCounts> storePage(long sourceId, CrawlPage raw) {
        CrawlPage page = JsonCanon.page(raw);
        return Panache.withTransaction(() -> Source.<Source>findById(sourceId).chain(source -> ingest
                .upsert(source, page.drafts())
                .call(outcomes -> linkDuplicates(source, page, outcomes))
                .map(outcomes -> {
                    source.cursor = page.cursor();
                    if (page.etag() != null) {
                        source.etag = page.etag();
                    }
                    if (page.lastModified() != null) {
                        source.lastModified = page.lastModified();
                    }
                    if (!page.skipped().isEmpty()) {
                        source.lastSkipped = recentSkips(source, page.skipped());
                    }
                    source.updatedAt = clock.instant();
                    return CrawlCounts.of(outcomes, page.skipped().size());
                })));
    }

    private Uni<Void> linkDuplicates(Source source, CrawlPage page, List<UpsertOutcome> outcomes) {
        Map<String, Long> ids = new HashMap<>();
        Map<String, PostDraft> drafts = new HashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            UpsertOutcome o = outcomes.get(i);
            if (o.postId() != null) {
                ids.put(o.externalId(), o.postId());
                drafts.put(o.externalId(), page.drafts().get(i));
            }
        }
        Uni<Void> similar = Multi.createFrom().iterable(outcomes)
                .filter(o -> o.status() == UpsertStatus.CREATED || o.status() == UpsertStatus.UPDATED)
                .onItem().transformToUniAndConcatenate(o -> {
                    PostDraft d = drafts.get(o.externalId());
                    return linker.link(o.postId(), d.text(), d.publishedAt());
                })
                .collect().last().replaceWithVoid();
        Uni<Void> reposts = Multi.createFrom().iterable(page.reposts().entrySet())
                .onItem().transformToUniAndConcatenate(e -> {
                    Long repost = ids.get(e.getKey());
                    if (repost == null) {
                        return Uni.createFrom().voidItem();
                    }
                    Long original = ids.get(e.getValue());
                    Uni<Long> originalId = original != null ? Uni.createFrom().item(original)
                            : Post.<Post>find("sourceId = ?1 and externalId = ?2", source.id, e.getValue())
                                    .firstResult().map(p -> p == null ? null : p.id);
                    return originalId.chain(o -> o == null ? Uni.createFrom().voidItem() : linker.linkRepost(repost, o));
                })
                .collect().last().replaceWithVoid();
        // explicit reposts first: SimHash only fills original_id where it is still empty
        return reposts.chain(() -> similar);
    }

    private static com.fasterxml.jackson.databind.JsonNode recentSkips(Source source, List<String> skipped) {
        return ru.otklik.source.SkippedItems.prepend(source.lastSkipped, skipped, 20);
    }
}
