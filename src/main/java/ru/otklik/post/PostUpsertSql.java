package ru.otklik.post;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import ru.otklik.common.SqlTime;

/**
 * The set-based upsert of a batch of posts: a handful of statements whatever the batch size, on the caller's
 * connection and transaction.
 *
 * <p>New rows go in with {@code INSERT … ON CONFLICT DO NOTHING}: a row another transaction is inserting at the
 * same moment makes this one wait for it and then skip it, so concurrent feeders never fail on the unique key;
 * the skipped rows are read back as existing ones (locked, so two edits of one post are serialised) and
 * compared with the draft. Rows are taken in key order, so two overlapping batches cannot deadlock.
 */
final class PostUpsertSql {

    /** Which keys are stored already, and an id drawn from post's sequence for each that is not. */
    private static final String DRAW_IDS = """
            select k.source_id, k.external_id, nextval('post_id_seq') as id
            from unnest($1::bigint[], $2::text[]) as k(source_id, external_id)
            where not exists (select 1 from post p where p.source_id = k.source_id and p.external_id = k.external_id)""";

    /**
     * New rows with their drawn ids, and those with a SimHash queued for near-duplicate linking (V77) in the same
     * statement: their fingerprint rows and originals are written after the commit, a batch at a time, by
     * {@link ru.otklik.crawler.dedup.QueuedLinking}. A key another transaction inserted after {@link #DRAW_IDS} looked
     * is skipped here.
     */
    private static final String INSERT = """
            with created as (
                insert into post (id, source_id, external_id, url, author_handle, author_name, author_pseudonym, title,
                                  text, content_hash, version, published_at, fetched_at, likes, reposts, comments, views,
                                  parent_external_id, parent_id, raw, simhash, raw_without_text, analysis_state, created_at, updated_at)
                select r.id, r.source_id, r.external_id, r.url, r.author_handle, r.author_name, r.author_pseudonym,
                       r.title, r.text, r.content_hash, 1, r.published_at, $19, r.likes, r.reposts, r.comments, r.views,
                       r.parent_external_id,
                       (select p.id from post p
                        where p.source_id = r.source_id and p.external_id = r.parent_external_id),
                       r.raw::jsonb, r.simhash, r.raw_without_text, 'pending', $19, $19
                from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::text[], $10::timestamptz[], $11::bigint[], $12::bigint[], $13::bigint[],
                            $14::bigint[], $15::text[], $16::text[], $17::bigint[], $18::boolean[], $20::bigint[])
                     as r(source_id, external_id, url, author_handle, author_name, author_pseudonym, title, text,
                          content_hash, published_at, likes, reposts, comments, views, parent_external_id, raw, simhash,
                          raw_without_text, id)
                order by r.source_id, r.external_id
                on conflict (source_id, external_id) do nothing
                returning id, source_id, external_id, simhash),
            queued as (
                insert into post_unlinked (post_id) select id from created where simhash is not null)
            select id, source_id, external_id from created""";

    /** A comment and its parent may come in one batch: the insert above cannot see rows it inserts itself. */
    private static final String LINK_PARENTS = """
            update post c set parent_id = p.id from post p
            where c.id = any($1::bigint[]) and c.parent_id is null
              and p.source_id = c.source_id and p.external_id = c.parent_external_id""";

    private static final String LOCK_EXISTING = """
            select p.id, p.source_id, p.external_id, p.content_hash, p.likes, p.reposts, p.comments, p.views
            from post p join unnest($1::bigint[], $2::text[]) as k(source_id, external_id)
                 on p.source_id = k.source_id and p.external_id = k.external_id
            order by p.source_id, p.external_id
            for update of p""";

    private static final String KEEP_VERSIONS = """
            insert into post_version (post_id, version, title, text, content_hash, replaced_at)
            select id, version, title, text, content_hash, $2 from post where id = any($1::bigint[])""";

    /**
     * Stored rows rewritten; a fingerprint follows its post's text and date, and goes when the text is too short
     * (the original it held, V77, then moves into post).
     */
    private static final String UPDATE = """
            with updated as (
                update post p set url = u.url, author_name = u.author_name, title = u.title, text = u.text,
                       content_hash = u.content_hash, published_at = u.published_at, fetched_at = $17, updated_at = $17,
                       likes = u.likes, reposts = u.reposts, comments = u.comments, views = u.views,
                       parent_external_id = u.parent_external_id, raw = u.raw::jsonb, simhash = u.simhash,
                       raw_without_text = u.raw_without_text,
                       original_id = case when u.simhash is null then coalesce(
                           (select f.original_id from post_fingerprint f where f.post_id = p.id), p.original_id)
                           else p.original_id end,
                       version = p.version + case when u.edited then 1 else 0 end,
                       analysis_state = case when u.edited then 'pending' else p.analysis_state end
                from unnest($1::bigint[], $2::boolean[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::timestamptz[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::text[],
                            $14::text[], $15::bigint[], $16::boolean[])
                     as u(id, edited, url, author_name, title, text, content_hash, published_at, likes, reposts,
                          comments, views, parent_external_id, raw, simhash, raw_without_text)
                where p.id = u.id
                returning p.id, p.simhash, p.published_at),
            kept as (
                insert into post_fingerprint (post_id, simhash, published_at)
                select id, simhash, published_at from updated where simhash is not null
                on conflict (post_id) do update set simhash = excluded.simhash, published_at = excluded.published_at
                where (post_fingerprint.simhash, post_fingerprint.published_at)
                      is distinct from (excluded.simhash, excluded.published_at))
            delete from post_fingerprint f using updated u where f.post_id = u.id and u.simhash is null""";

    private final SqlConnection conn;
    private final OffsetDateTime now;

    PostUpsertSql(SqlConnection conn, Instant now) {
        this.conn = conn;
        this.now = SqlTime.of(now);
    }

    /** What {@link #upsert} stored: the outcome of each row under its {@link PostRow#index()}. */
    record Stored(Map<Integer, UpsertOutcome> outcomes) {
    }

    /** Stores the rows. */
    Uni<Stored> upsert(List<PostRow> rows) {
        Stored stored = new Stored(new HashMap<>());
        Uni<Void> chain = Uni.createFrom().voidItem();
        // ON CONFLICT cannot touch one row twice in a statement: a key repeated in the batch waits for the next
        // round, where it meets what the previous round stored, as it would have one item at a time
        for (List<PostRow> round : rounds(rows)) {
            chain = chain.chain(() -> round(round, stored));
        }
        return chain.replaceWith(stored);
    }

    private static Collection<List<PostRow>> rounds(List<PostRow> rows) {
        Map<PostRow.Key, Integer> seen = new HashMap<>();
        List<List<PostRow>> rounds = new ArrayList<>();
        for (PostRow row : rows) {
            int round = seen.merge(row.key(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(row);
        }
        return rounds;
    }

    private Uni<Void> round(List<PostRow> rows, Stored stored) {
        return drawIds(rows).chain(drawn -> {
            List<PostRow> fresh = rows.stream().filter(r -> drawn.containsKey(r.key())).toList();
            return insert(fresh, drawn).chain(created -> {
                    List<PostRow> rest = new ArrayList<>();
                    for (PostRow row : rows) {
                        Long id = created.get(row.key());
                        if (id == null) {
                            rest.add(row);
                        } else {
                            stored.outcomes().put(row.index(),
                                    new UpsertOutcome(row.draft().externalId(), UpsertStatus.CREATED, id, null));
                        }
                    }
                    return linkParents(rows, created)
                            .chain(() -> rest.isEmpty() ? Uni.createFrom().item(Map.<Integer, UpsertOutcome>of())
                                    : update(rest))
                            .invoke(stored.outcomes()::putAll)
                            .replaceWithVoid();
                });
        });
    }

    private Uni<Map<PostRow.Key, Long>> drawIds(List<PostRow> rows) {
        return conn.preparedQuery(DRAW_IDS).execute(Tuple.of(column(rows, PostRow::sourceId, Long[]::new),
                column(rows, r -> r.draft().externalId(), String[]::new))).map(PostUpsertSql::byKey);
    }

    private Uni<Map<PostRow.Key, Long>> insert(List<PostRow> rows, Map<PostRow.Key, Long> drawn) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Tuple args = Tuple.tuple()
                .addValue(column(rows, PostRow::sourceId, Long[]::new))
                .addValue(column(rows, r -> r.draft().externalId(), String[]::new))
                .addValue(column(rows, r -> r.draft().url(), String[]::new))
                .addValue(column(rows, r -> r.draft().authorHandle(), String[]::new))
                .addValue(column(rows, r -> r.draft().authorName(), String[]::new))
                .addValue(column(rows, PostRow::pseudonym, String[]::new));
        return conn.preparedQuery(INSERT).execute(content(args, rows).addValue(now)
                        .addValue(column(rows, r -> drawn.get(r.key()), Long[]::new)))
                .map(PostUpsertSql::byKey);
    }

    private static Map<PostRow.Key, Long> byKey(RowSet<Row> result) {
        Map<PostRow.Key, Long> ids = new HashMap<>();
        for (Row row : result) {
            ids.put(new PostRow.Key(row.getLong("source_id"), row.getString("external_id")), row.getLong("id"));
        }
        return ids;
    }

    private Uni<Void> linkParents(List<PostRow> rows, Map<PostRow.Key, Long> created) {
        Long[] orphans = rows.stream()
                .filter(r -> r.draft().parentExternalId() != null && created.containsKey(r.key())
                        && created.containsKey(new PostRow.Key(r.sourceId(), r.draft().parentExternalId())))
                .map(r -> created.get(r.key())).toArray(Long[]::new);
        return orphans.length == 0 ? Uni.createFrom().voidItem()
                : conn.preparedQuery(LINK_PARENTS).execute(Tuple.of(orphans)).replaceWithVoid();
    }

    /** What is already stored under these keys: unchanged, re-counted, or edited (its old text kept). */
    private Uni<Map<Integer, UpsertOutcome>> update(List<PostRow> rows) {
        Tuple keys = Tuple.of(column(rows, PostRow::sourceId, Long[]::new),
                column(rows, r -> r.draft().externalId(), String[]::new));
        return conn.preparedQuery(LOCK_EXISTING).execute(keys).chain(result -> {
            Map<PostRow.Key, Row> stored = new HashMap<>();
            for (Row row : result) {
                stored.put(new PostRow.Key(row.getLong("source_id"), row.getString("external_id")), row);
            }
            Map<Integer, UpsertOutcome> outcomes = new HashMap<>();
            List<PostRow> changed = new ArrayList<>();
            List<Boolean> edits = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (PostRow row : rows) {
                Row old = Objects.requireNonNull(stored.get(row.key()), () -> "post vanished: " + row.key());
                long id = old.getLong("id");
                boolean edited = !row.contentHash().equals(old.getString("content_hash"));
                PostMetrics metrics = new PostMetrics(old.getLong("likes"), old.getLong("reposts"),
                        old.getLong("comments"), old.getLong("views"));
                // NONE (no metrics sent) never counts as a change: a feeder that omits them keeps the stored ones
                boolean countersMoved = !Objects.equals(metrics, row.draft().metrics())
                        && row.draft().metrics() != PostMetrics.NONE;
                UpsertStatus status = edited || countersMoved ? UpsertStatus.UPDATED : UpsertStatus.UNCHANGED;
                outcomes.put(row.index(), new UpsertOutcome(row.draft().externalId(), status, id, null));
                if (status == UpsertStatus.UPDATED) {
                    changed.add(row);
                    edits.add(edited);
                    ids.add(id);
                }
            }
            if (changed.isEmpty()) {
                return Uni.createFrom().item(outcomes);
            }
            Long[] edited = java.util.stream.IntStream.range(0, ids.size()).filter(edits::get)
                    .mapToObj(ids::get).toArray(Long[]::new);
            Uni<Void> versions = edited.length == 0 ? Uni.createFrom().voidItem()
                    : conn.preparedQuery(KEEP_VERSIONS).execute(Tuple.of(edited, now)).replaceWithVoid();
            return versions.chain(() -> write(changed, ids, edits)).replaceWith(outcomes);
        });
    }

    private Uni<Void> write(List<PostRow> rows, List<Long> ids, List<Boolean> edits) {
        Tuple args = Tuple.tuple()
                .addValue(ids.toArray(Long[]::new))
                .addValue(edits.toArray(Boolean[]::new))
                .addValue(column(rows, r -> r.draft().url(), String[]::new))
                .addValue(column(rows, r -> r.draft().authorName(), String[]::new));
        return conn.preparedQuery(UPDATE).execute(content(args, rows).addValue(now)).replaceWithVoid();
    }

    /** The columns an insert and an update both write, in the same order in both statements. */
    private static Tuple content(Tuple args, List<PostRow> rows) {
        return args.addValue(column(rows, r -> r.draft().title(), String[]::new))
                .addValue(column(rows, r -> r.draft().text(), String[]::new))
                .addValue(column(rows, PostRow::contentHash, String[]::new))
                .addValue(column(rows, r -> SqlTime.of(r.draft().publishedAt()), OffsetDateTime[]::new))
                .addValue(column(rows, r -> r.draft().metrics().likes(), Long[]::new))
                .addValue(column(rows, r -> r.draft().metrics().reposts(), Long[]::new))
                .addValue(column(rows, r -> r.draft().metrics().comments(), Long[]::new))
                .addValue(column(rows, r -> r.draft().metrics().views(), Long[]::new))
                .addValue(column(rows, r -> r.draft().parentExternalId(), String[]::new))
                .addValue(column(rows, r -> r.raw().json(), String[]::new))
                .addValue(column(rows, PostRow::simhash, Long[]::new))
                .addValue(column(rows, r -> r.raw().withoutText(), Boolean[]::new));
    }

    private static <T> T[] column(List<PostRow> rows, Function<PostRow, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }
}
