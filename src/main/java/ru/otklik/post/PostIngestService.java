package ru.otklik.post;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import ru.otklik.source.Source;

/**
 * Stores posts idempotently on (source, external id). A re-fetched post with the same text is left alone
 * (its counters refreshed); an edited one keeps its previous text in {@link PostVersion} and is queued for
 * analysis again. Joins the caller's transaction, so a crawler can store posts and its cursor atomically.
 */
@ApplicationScoped
public class PostIngestService {

    public static final int MAX_TEXT_LENGTH = 100_000;

    private final AuthorPseudonymizer pseudonymizer;
    private final Clock clock;

    public PostIngestService(AuthorPseudonymizer pseudonymizer, Clock clock) {
        this.pseudonymizer = pseudonymizer;
        this.clock = clock;
    }

    /** Stores the drafts in order; the outcomes come back in the same order. */
    public Uni<List<UpsertOutcome>> upsert(Source source, List<PostDraft> drafts) {
        return Multi.createFrom().iterable(drafts)
                .onItem().transformToUniAndConcatenate(draft -> upsertOne(source, draft))
                .collect().asList();
    }

    public Uni<UpsertOutcome> upsertOne(Source source, PostDraft draft) {
        String problem = validate(draft);
        if (problem != null) {
            return Uni.createFrom().item(UpsertOutcome.rejected(draft.externalId(), problem));
        }
        return Post.<Post>find("sourceId = ?1 and externalId = ?2", source.id, draft.externalId()).firstResult()
                .chain(existing -> existing == null ? create(source, draft) : update(existing, draft))
                .call(() -> Panache.getSession().chain(s -> s.flush()));
    }

    private Uni<UpsertOutcome> create(Source source, PostDraft draft) {
        Post post = new Post();
        post.sourceId = source.id;
        post.externalId = draft.externalId();
        post.authorHandle = draft.authorHandle();
        post.authorPseudonym = pseudonymizer.pseudonymOf(draft.authorHandle());
        post.version = 1;
        post.analysisState = "pending";
        post.createdAt = clock.instant();
        apply(post, draft);
        return linkParent(post)
                .chain(() -> post.<Post>persist())
                .map(saved -> new UpsertOutcome(draft.externalId(), UpsertStatus.CREATED, saved.id, null));
    }

    private Uni<UpsertOutcome> update(Post post, PostDraft draft) {
        String hash = ContentHash.of(draft.title(), draft.text());
        boolean edited = !hash.equals(post.contentHash);
        boolean countersMoved = !Objects.equals(post.metrics(), draft.metrics()) && draft.metrics() != PostMetrics.NONE;
        if (!edited && !countersMoved) {
            return Uni.createFrom().item(new UpsertOutcome(draft.externalId(), UpsertStatus.UNCHANGED, post.id, null));
        }
        Uni<Void> history = Uni.createFrom().voidItem();
        if (edited) {
            PostVersion previous = new PostVersion();
            previous.postId = post.id;
            previous.version = post.version;
            previous.title = post.title;
            previous.text = post.text;
            previous.contentHash = post.contentHash;
            previous.replacedAt = clock.instant();
            history = previous.persist().replaceWithVoid();
            post.version++;
            post.analysisState = "pending";
        }
        apply(post, draft);
        return history.map(v -> new UpsertOutcome(draft.externalId(), UpsertStatus.UPDATED, post.id, null));
    }

    private void apply(Post post, PostDraft draft) {
        Instant now = clock.instant();
        post.url = draft.url();
        post.authorName = draft.authorName();
        post.title = draft.title();
        post.text = draft.text();
        post.contentHash = ContentHash.of(draft.title(), draft.text());
        post.publishedAt = draft.publishedAt();
        post.fetchedAt = now;
        post.updatedAt = now;
        PostMetrics m = draft.metrics();
        post.likes = m.likes();
        post.reposts = m.reposts();
        post.comments = m.comments();
        post.views = m.views();
        post.parentExternalId = draft.parentExternalId();
        post.raw = draft.raw();
    }

    /** A comment may arrive before its parent; the link is then left empty and the external id kept. */
    private Uni<Void> linkParent(Post post) {
        if (post.parentExternalId == null) {
            return Uni.createFrom().voidItem();
        }
        return Post.<Post>find("sourceId = ?1 and externalId = ?2", post.sourceId, post.parentExternalId)
                .firstResult()
                .invoke(parent -> post.parentId = parent == null ? null : parent.id)
                .replaceWithVoid();
    }

    private static String validate(PostDraft draft) {
        if (draft.externalId().isBlank()) {
            return "externalId пуст";
        }
        if (draft.text().isBlank() && (draft.title() == null || draft.title().isBlank())) {
            return "нет ни текста, ни заголовка";
        }
        if (draft.text().length() > MAX_TEXT_LENGTH) {
            return "текст длиннее " + MAX_TEXT_LENGTH + " символов";
        }
        return null;
    }
}
