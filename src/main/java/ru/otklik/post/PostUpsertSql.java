package ru.otklik.post;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
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

    /** New rows, and the fingerprints of those that have one (V66) in the same statement. */
    private static final String INSERT = """
            with created as (
                insert into post (source_id, external_id, url, author_handle, author_name, author_pseudonym, title,
                                  text, content_hash, version, published_at, fetched_at, likes, reposts, comments, views,
                                  parent_external_id, parent_id, raw, simhash, analysis_state, created_at, updated_at)
                select r.source_id, r.external_id, r.url, r.author_handle, r.author_name, r.author_pseudonym, r.title,
                       r.text, r.content_hash, 1, r.published_at, $18, r.likes, r.reposts, r.comments, r.views,
                       r.parent_external_id,
                       (select p.id from post p
                        where p.source_id = r.source_id and p.external_id = r.parent_external_id),
                       r.raw::jsonb, r.simhash, 'pending', $18, $18
                from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::text[], $10::timestamptz[], $11::bigint[], $12::bigint[], $13::bigint[],
                            $14::bigint[], $15::text[], $16::text[], $17::bigint[])
                     as r(source_id, external_id, url, author_handle, author_name, author_pseudonym, title, text,
                          content_hash, published_at, likes, reposts, comments, views, parent_external_id, raw, simhash)
                order by r.source_id, r.external_id
                on conflict (source_id, external_id) do nothing
                returning id, source_id, external_id, simhash, published_at),
            fingerprints as (
                insert into post_fingerprint (post_id, simhash, published_at)
                select id, simhash, published_at from created where simhash is not null)
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

    /** Stored rows rewritten; a fingerprint follows its post's text and date, and goes when the text is too short. */
    private static final String UPDATE = """
            with updated as (
                update post p set url = u.url, author_name = u.author_name, title = u.title, text = u.text,
                       content_hash = u.content_hash, published_at = u.published_at, fetched_at = $16, updated_at = $16,
                       likes = u.likes, reposts = u.reposts, comments = u.comments, views = u.views,
                       parent_external_id = u.parent_external_id, raw = u.raw::jsonb, simhash = u.simhash,
                       version = p.version + case when u.edited then 1 else 0 end,
                       analysis_state = case when u.edited then 'pending' else p.analysis_state end
                from unnest($1::bigint[], $2::boolean[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::timestamptz[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::text[],
                            $14::text[], $15::bigint[])
                     as u(id, edited, url, author_name, title, text, content_hash, published_at, likes, reposts,
                          comments, views, parent_external_id, raw, simhash)
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

    /** Stores the rows; the outcome of each row under its {@link PostRow#index()}. */
    Uni<Map<Integer, UpsertOutcome>> upsert(List<PostRow> rows) {
        Map<Integer, UpsertOutcome> outcomes = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        // ON CONFLICT cannot touch one row twice in a statement: a key repeated in the batch waits for the next
        // round, where it meets what the previous round stored, as it would have one item at a time
        for (List<PostRow> round : rounds(rows)) {
            chain = chain.chain(() -> round(round).invoke(outcomes::putAll)).replaceWithVoid();
        }
        return chain.replaceWith(outcomes);
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

    private Uni<Map<Integer, UpsertOutcome>> round(List<PostRow> rows) {
        return insert(rows).chain(created -> {
            Map<Integer, UpsertOutcome> outcomes = new HashMap<>();
            List<PostRow> rest = new ArrayList<>();
            for (PostRow row : rows) {
                Long id = created.get(row.key());
                if (id == null) {
                    rest.add(row);
                } else {
                    outcomes.put(row.index(), new UpsertOutcome(row.draft().externalId(), UpsertStatus.CREATED, id, null));
                }
            }
            return linkParents(rows, created)
                    .chain(() -> rest.isEmpty() ? Uni.createFrom().item(Map.<Integer, UpsertOutcome>of()) : update(rest))
                    .map(updated -> {
                        outcomes.putAll(updated);
                        return outcomes;
                    });
        });
    }

    private Uni<Map<PostRow.Key, Long>> insert(List<PostRow> rows) {
        Tuple args = Tuple.tuple()
                .addValue(column(rows, PostRow::sourceId, Long[]::new))
                .addValue(column(rows, r -> r.draft().externalId(), String[]::new))
                .addValue(column(rows, r -> r.draft().url(), String[]::new))
                .addValue(column(rows, r -> r.draft().authorHandle(), String[]::new))
                .addValue(column(rows, r -> r.draft().authorName(), String[]::new))
                .addValue(column(rows, PostRow::pseudonym, String[]::new));
        return conn.preparedQuery(INSERT).execute(content(args, rows).addValue(now)).map(result -> {
            Map<PostRow.Key, Long> created = new HashMap<>();
            for (Row row : result) {
                created.put(new PostRow.Key(row.getLong("source_id"), row.getString("external_id")), row.getLong("id"));
            }
            return created;
        });
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
                .addValue(column(rows, PostUpsertSql::raw, String[]::new))
                .addValue(column(rows, PostRow::simhash, Long[]::new));
    }

    private static String raw(PostRow row) {
        return row.draft().raw() == null ? null : row.draft().raw().toString();
    }

    private static <T> T[] column(List<PostRow> rows, Function<PostRow, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }
}
