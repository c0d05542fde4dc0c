package ru.otklik.post;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import ru.otklik.common.TransactionConflict;
import ru.otklik.crawler.dedup.NearDuplicateLinker;
import ru.otklik.source.ApiSources;

/**
 * Stores posts idempotently on (source, external id), a whole batch in a handful of set-based statements
 * ({@link PostUpsertSql}). A re-fetched post with the same text is left alone (its counters refreshed); an edited
 * one keeps its previous text in {@link PostVersion} and is queued for analysis again; copies of earlier posts
 * are linked to them by SimHash (a new post after the commit, by {@link ru.otklik.crawler.dedup.QueuedLinking}).
 * Crawlers pass their own connection, so a page and its cursor commit together.
 */
@ApplicationScoped
public class PostIngestService {

    public static final int MAX_TEXT_LENGTH = 100_000;

    private final Pool pool;
    private final AuthorPseudonymizer pseudonymizer;
    private final NearDuplicateLinker linker;
    private final Clock clock;
    private final IngestActivity activity;

    public PostIngestService(Pool pool, AuthorPseudonymizer pseudonymizer, NearDuplicateLinker linker, Clock clock,
                             IngestActivity activity) {
        this.pool = pool;
        this.pseudonymizer = pseudonymizer;
        this.linker = linker;
        this.clock = clock;
        this.activity = activity;
    }

    /**
     * A feeder's batch ({@code POST /api/posts}) in one transaction: unknown source keys become {@code api}
     * sources, items that failed parsing are rejected alone. Outcomes come back in the order sent. The batch is
     * checked and hashed on the calling thread (a worker: {@link PostResource#ingest}) before the transaction
     * starts, so the event loop that runs the statements does none of that CPU work, and a connection is held
     * only while statements run. The batch counts as ingest in flight ({@link IngestActivity}) from here, once the
     * feeder is authenticated and its body has arrived and been parsed, to its outcomes: a client that uploads
     * slowly, or not at all, holds no background work back.
     */
    Uni<List<UpsertOutcome>> ingest(List<PostInputParser.Parsed> items) {
        return activity.tracked(Uni.createFrom().deferred(() -> stored(items)));
    }

    private Uni<List<UpsertOutcome>> stored(List<PostInputParser.Parsed> items) {
        Checked batch = check(items.stream().map(i -> i.ok() ? new Item(i.sourceKey(), i.draft(), i.externalId(), null)
                : new Item(null, null, i.externalId(), i.error())).toList());
        Set<String> keys = new LinkedHashSet<>();
        batch.rows().forEach(r -> keys.add(items.get(r.index()).sourceKey()));
        Instant now = clock.instant();
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Arrays.asList(batch.outcomes()));
        }
        // idempotent, so a transaction PostgreSQL aborted to break a deadlock with another feeder's runs again
        return TransactionConflict.retried(pool.withTransaction(conn -> ApiSources.idsOf(conn, keys, now)
                .chain(sources -> store(conn, batch.withSources(r -> sources.get(items.get(r.index()).sourceKey())),
                        now))));
    }

    /**
     * Stores drafts of one source on the caller's connection and transaction; outcomes in the drafts' order. Counts
     * as ingest in flight ({@link IngestActivity}) while it runs.
     */
    public Uni<List<UpsertOutcome>> upsert(SqlConnection conn, long sourceId, List<PostDraft> drafts) {
        return activity.tracked(Uni.createFrom().deferred(() -> {
            Checked batch = check(drafts.stream().map(d -> new Item(null, d, d.externalId(), null)).toList());
            return store(conn, batch.withSources(r -> sourceId), clock.instant());
        }));
    }

    /** An item of a batch: a draft (and the key of its source, for a feeder's batch), or why it was refused. */
    private record Item(String sourceKey, PostDraft draft, String externalId, String error) {
    }

    /**
     * A batch after its checks: the outcome of each refused item at its place, and a row for each valid one with
     * its hashes and pseudonym (source id 0 until {@link #withSources} sets it).
     */
    private record Checked(UpsertOutcome[] outcomes, List<PostRow> rows) {
        Checked withSources(ToLongFunction<PostRow> source) {
            return new Checked(outcomes, rows.stream().map(r -> r.withSource(source.applyAsLong(r))).toList());
        }
    }

    /**
     * The CPU work of a batch: checks, content hashes, pseudonyms, SimHash fingerprints and the raw payload's JSON
     * text ({@link StoredRaw}), no database.
     */
    private Checked check(List<Item> items) {
        UpsertOutcome[] outcomes = new UpsertOutcome[items.size()];
        List<PostRow> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String problem = item.error() != null ? item.error() : validate(item.draft());
            if (problem != null) {
                outcomes[i] = UpsertOutcome.rejected(item.externalId(), problem);
            } else {
                PostDraft d = item.draft();
                rows.add(new PostRow(i, 0, d, ContentHash.of(d.title(), d.text()),
                        pseudonymizer.pseudonymOf(d.authorHandle()), linker.fingerprint(d.text()), StoredRaw.of(d)));
            }
        }
        return new Checked(outcomes, rows);
    }

    private Uni<List<UpsertOutcome>> store(SqlConnection conn, Checked batch, Instant now) {
        UpsertOutcome[] outcomes = batch.outcomes();
        List<PostRow> rows = batch.rows();
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Arrays.asList(outcomes));
        }
        return new PostUpsertSql(conn, now).upsert(rows)
                .invoke(stored -> stored.outcomes().forEach((index, outcome) -> outcomes[index] = outcome))
                // new posts are queued and linked after the commit (QueuedLinking); changed ones, whose fingerprint
                // rows the update rewrote, are linked now
                .chain(stored -> linker.link(conn, rows.stream()
                        .filter(r -> r.simhash() != null && outcomes[r.index()].status() == UpsertStatus.UPDATED)
                        .map(r -> new NearDuplicateLinker.Fingerprint(outcomes[r.index()].postId(), r.simhash(),
                                r.draft().publishedAt()))
                        .toList()))
                .replaceWith(() -> Arrays.asList(outcomes));
    }

    static String validate(PostDraft draft) {
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
