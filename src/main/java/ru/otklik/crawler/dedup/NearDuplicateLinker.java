package ru.otklik.crawler.dedup;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import ru.otklik.common.SqlTime;
import ru.otklik.crawler.CrawlerConfig;

/**
 * Links stored posts to their originals: an explicit repost (VK {@code copy_history}) directly, a copied text by
 * SimHash. The original is the earliest published post of the group; every copy points at it (never at another
 * copy), so a post's original answers "where did this text first appear" in one step. It is kept in one of two
 * places (V77): {@code post_fingerprint.original_id}, written with the fingerprint row the deferred step inserts
 * anyway ({@link QueuedLinking}), so linking a new copy never writes a second version of its wide {@code post} row;
 * and {@code post.original_id}, for explicit reposts and posts without a fingerprint row. A post's original is
 * {@code coalesce(post_fingerprint.original_id, post.original_id)} ({@link #ORIGINAL}); a change is written where a
 * reader of that expression sees it.
 * A batch costs a few statements on the caller's connection, whatever its size.
 */
@ApplicationScoped
public class NearDuplicateLinker {

    /**
     * A post's original as every reader takes it, for a post {@code p} and its fingerprint row {@code f} (left-joined:
     * a post too short to compare has none): the fingerprint's wins, as the step and the lookup write it there.
     */
    public static final String ORIGINAL = "coalesce(f.original_id, p.original_id)";

    /** A stored post's {@link #fingerprint}, stored with the post itself. */
    public record Fingerprint(long postId, long simhash, Instant publishedAt) {
    }

    /**
     * One band's candidates of post {@code n}: an index-only scan of that band's V66 index, bounded by the window,
     * the distance checked on the hash the index holds.
     */
    private static final String BAND = """
            select f.post_id, f.published_at from post_fingerprint f
            where ((f.simhash >> %d) & %d) = ((n.h >> %d) & %d) and f.published_at between n.from_at and n.to_at
              and bit_count((f.simhash # n.h)::bit(64)) <= $%d""";

    /**
     * Every post's current original and up to 50 candidates, earliest first, in one statement: the candidates of
     * the seven bands merged, and only those few read from post and their fingerprint rows for their own originals.
     */
    static final String CANDIDATES = """
            select n.id as post_id, own.original as own_original, c.id, c.published_at, c.original_id
            from unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::timestamptz[]) with ordinality
                 as n(id, h, from_at, to_at, ord)
            join lateral (select %1$s as original from post p left join post_fingerprint f on f.post_id = p.id
                          where p.id = n.id) own on true
            left join lateral (
                select k.id, k.published_at, %1$s as original_id
                from (select b.post_id as id, b.published_at from (%2$s) b
                      where b.post_id <> n.id
                      order by b.published_at, b.post_id
                      limit 50) k
                join post p on p.id = k.id join post_fingerprint f on f.post_id = k.id) c on true
            order by n.ord, c.published_at, c.id""".formatted(ORIGINAL, bands(5));

    /**
     * The candidates of posts not fingerprinted yet ({@link #plan}), up to 50 each, earliest first, with their
     * originals: as {@link #CANDIDATES}, with no row of the post's own to exclude or read.
     */
    static final String CANDIDATES_OF_NEW = ofNew(bands(4), 50);

    /**
     * One band's earliest candidate of post {@code n}: the band index is ordered by (band, published_at), so the scan
     * stops at the first entry within the distance instead of reading every entry of the band in the window.
     */
    private static final String FIRST_IN_BAND = """
            (select f.post_id, f.published_at from post_fingerprint f
             where ((f.simhash >> %d) & %d) = ((n.h >> %d) & %d) and f.published_at between n.from_at and n.to_at
               and bit_count((f.simhash # n.h)::bit(64)) <= $4
             order by ((f.simhash >> %d) & %d), f.published_at
             limit 1)""";

    /**
     * The earliest fingerprinted candidate of each post not fingerprinted yet, with its original: all {@link #plan}
     * needs for a post published after it, which is linked to its root. Of equally early entries of one band the scan
     * takes the first in the index.
     */
    static final String EARLIEST_OF_NEW = ofNew(IntStream.range(0, SimHash.BANDS)
            .mapToObj(i -> FIRST_IN_BAND.formatted(SimHash.shift(i), SimHash.mask(i), SimHash.shift(i),
                    SimHash.mask(i), SimHash.shift(i), SimHash.mask(i)))
            .collect(Collectors.joining("\nunion all\n")), 1);

    /** The {@code limit} earliest of the {@code candidates} of each new post, with their originals from post. */
    private static String ofNew(String candidates, int limit) {
        return """
                select n.ord, c.id, c.published_at, %s as original_id
                from unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[]) with ordinality
                     as n(h, from_at, to_at, ord)
                join lateral (
                    select b.post_id as id, b.published_at from (%s) b
                    order by b.published_at, b.post_id
                    limit %d) c on true
                join post p on p.id = c.id join post_fingerprint f on f.post_id = c.id
                order by n.ord, c.published_at, c.id""".formatted(ORIGINAL, candidates, limit);
    }

    /** The seven band scans of {@link #BAND}, merged; the maximum distance is parameter {@code $distanceParam}. */
    private static String bands(int distanceParam) {
        return IntStream.range(0, SimHash.BANDS)
                .mapToObj(i -> BAND.formatted(SimHash.shift(i), SimHash.mask(i), SimHash.shift(i), SimHash.mask(i),
                        distanceParam))
                .collect(Collectors.joining("\nunion\n"));
    }

    /**
     * Copies of a post that turned out to be a copy itself now point at the new original, in whichever of the two
     * places holds the link (a stale {@code post.original_id} under a fingerprint's is updated too: harmless).
     */
    private static final String REROOT = """
            with r as (select * from unnest($1::bigint[], $2::bigint[]) as r(member, root)),
            fingerprints as (
                update post_fingerprint f set original_id = r.root from r
                where f.original_id = r.member and f.post_id <> r.root)
            update post set original_id = r.root from r where post.original_id = r.member and post.id <> r.root""";

    /** Changed originals of stored posts: into the fingerprint row where the post has one, else into post. */
    private static final String SET_ORIGINALS = """
            with v as (select * from unnest($1::bigint[], $2::bigint[]) as v(id, o)),
            fingerprinted as (
                update post_fingerprint f set original_id = v.o from v where f.post_id = v.id returning f.post_id)
            update post set original_id = v.o from v
            where post.id = v.id and post.id not in (select post_id from fingerprinted)""";

    /**
     * An explicit repost points at its original's own original, so chains of reposts stay one step deep. It is kept
     * in post; a fingerprint's link of the repost, which would shadow it, is cleared.
     */
    private static final String REPOSTS = """
            with linked as (
                update post r set original_id = coalesce(f.original_id, o.original_id, o.id)
                from unnest($2::bigint[], $3::text[]) as x(repost_id, original_external_id)
                join post o on o.source_id = $1 and o.external_id = x.original_external_id
                left join post_fingerprint f on f.post_id = o.id
                where r.id = x.repost_id and o.id <> r.id
                returning r.id)
            update post_fingerprint f set original_id = null from linked
            where f.post_id = linked.id and f.original_id is not null""";

    private final CrawlerConfig.Dedup config;

    public NearDuplicateLinker(CrawlerConfig config) {
        this.config = config.dedup();
    }

    /** Records explicit reposts: repost post id → external id of its original within the same source. */
    public Uni<Void> linkReposts(SqlConnection conn, long sourceId, Map<Long, String> reposts) {
        if (reposts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(REPOSTS).execute(Tuple.of(sourceId, reposts.keySet().toArray(Long[]::new),
                reposts.values().toArray(String[]::new))).replaceWithVoid();
    }

    /**
     * The SimHash a post is stored with, or null when texts are not compared (linking off, or a text too short to
     * tell a copy from a coincidence). The upsert writes it with the row, so a batch is not written twice.
     */
    public Long fingerprint(String text) {
        if (!config.enabled()) {
            return null;
        }
        SimHash.Fingerprint fingerprint = SimHash.fingerprint(text);
        return fingerprint.normalisedLength() < config.minTextLength() ? null : fingerprint.hash();
    }

    /** Links the stored, fingerprinted posts that copy earlier posts to their originals. */
    public Uni<Void> link(SqlConnection conn, List<Fingerprint> posts) {
        Map<Long, Fingerprint> byPost = new LinkedHashMap<>();
        // a post stored twice in one batch is linked by its last text, the one it was stored with
        posts.forEach(p -> byPost.put(p.postId(), p));
        if (byPost.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Fingerprint> batch = List.copyOf(byPost.values());
        Long[] ids = batch.stream().map(Fingerprint::postId).toArray(Long[]::new);
        Long[] hashes = batch.stream().map(Fingerprint::simhash).toArray(Long[]::new);
        Tuple candidates = window(Tuple.tuple().addValue(ids).addValue(hashes), batch).addValue(config.maxDistance());
        return conn.preparedQuery(CANDIDATES).execute(candidates).map(rows -> {
            Originals originals = new Originals();
            Map<Long, List<Candidate>> found = new HashMap<>();
            for (Row row : rows) {
                long post = row.getLong("post_id");
                originals.known(post, row.getLong("own_original"));
                Long id = row.getLong("id");
                if (id != null) {
                    originals.known(id, row.getLong("original_id"));
                    found.computeIfAbsent(post, k -> new ArrayList<>())
                            .add(new Candidate(id, SqlTime.get(row, "published_at")));
                }
            }
            batch.forEach(t -> attach(t, found.getOrDefault(t.postId(), List.of()), originals));
            return originals;
        }).chain(originals -> write(conn, originals, Set.of()));
    }

    /**
     * Links stored posts that have no fingerprint row yet (the deferred step, {@link QueuedLinking}): writes the
     * changed originals of the stored posts they concern (a backfill re-roots a group) and returns the posts' own,
     * each post's new original or null (none, or its own in post kept: an explicit repost), for their fingerprint
     * rows. Their candidates are the fingerprinted posts the lookup finds and the other posts of the batch (compared
     * in memory); the posts are linked in the order given, as {@link #link} does, each starting from its stored
     * original ({@code current}). The fingerprint rows must be inserted after this, so the lookup does not find the
     * posts themselves.
     */
    public Uni<Map<Long, Long>> linkUnfingerprinted(SqlConnection conn, List<Fingerprint> posts,
                                                    Map<Long, Long> current) {
        Set<Long> fresh = posts.stream().map(Fingerprint::postId).collect(Collectors.toSet());
        return plan(conn, posts, current).chain(originals -> write(conn, originals, fresh).map(nothing -> {
            Map<Long, Long> own = new HashMap<>();
            fresh.forEach(id -> own.put(id, originals.changed.get(id)));
            return own;
        }));
    }

    private Uni<Originals> plan(SqlConnection conn, List<Fingerprint> posts, Map<Long, Long> current) {
        Originals originals = new Originals();
        posts.forEach(p -> originals.known(p.postId(), current.get(p.postId())));
        List<List<Candidate>> found = new ArrayList<>();
        posts.forEach(p -> found.add(new ArrayList<>()));
        if (posts.isEmpty()) {
            return Uni.createFrom().item(originals);
        }
        return lookup(conn, EARLIEST_OF_NEW, posts, originals, found).chain(() -> {
            // a post earlier than its earliest stored candidate re-roots their group: it needs all of them
            List<Integer> earlier = new ArrayList<>();
            for (int i = 0; i < posts.size(); i++) {
                if (!found.get(i).isEmpty() && found.get(i).get(0).publishedAt().isAfter(posts.get(i).publishedAt())) {
                    earlier.add(i);
                }
            }
            if (earlier.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<List<Candidate>> all = new ArrayList<>();
            earlier.forEach(p -> all.add(new ArrayList<>()));
            return lookup(conn, CANDIDATES_OF_NEW, earlier.stream().map(posts::get).toList(), originals, all)
                    .invoke(() -> {
                        for (int k = 0; k < earlier.size(); k++) {
                            found.set(earlier.get(k), all.get(k));
                        }
                    });
        }).map(nothing -> {
            addEachOther(posts, found);
            for (int i = 0; i < posts.size(); i++) {
                attach(posts.get(i), found.get(i), originals);
            }
            return originals;
        });
    }

    /** Runs a lookup of new posts' stored candidates into {@code found}, by the posts' places in the list. */
    private Uni<Void> lookup(SqlConnection conn, String sql, List<Fingerprint> posts, Originals originals,
                             List<List<Candidate>> found) {
        Tuple args = Tuple.tuple().addValue(posts.stream().map(Fingerprint::simhash).toArray(Long[]::new));
        return conn.preparedQuery(sql).execute(window(args, posts).addValue(config.maxDistance())).invoke(rows -> {
            for (Row row : rows) {
                long id = row.getLong("id");
                originals.known(id, row.getLong("original_id"));
                found.get(row.getLong("ord").intValue() - 1).add(new Candidate(id, SqlTime.get(row, "published_at")));
            }
        }).replaceWithVoid();
    }

    /** The posts of one batch as each other's candidates: within the window and the distance, earliest first. */
    private void addEachOther(List<Fingerprint> posts, List<List<Candidate>> found) {
        int[][] pairs = BatchPairs.of(posts.stream().mapToLong(Fingerprint::simhash).toArray(),
                posts.stream().mapToLong(p -> p.publishedAt().toEpochMilli()).toArray(), config.window().toMillis(),
                config.maxDistance());
        for (int i = 0; i < posts.size(); i++) {
            List<Candidate> candidates = found.get(i);
            for (int j : pairs[i]) {
                Fingerprint b = posts.get(j);
                candidates.add(new Candidate(b.postId(), b.publishedAt()));
            }
            if (pairs[i].length > 0) {
                candidates.sort(EARLIEST);
                // the lookup's own bound: the 50 earliest
                if (candidates.size() > 50) {
                    candidates.subList(50, candidates.size()).clear();
                }
            }
        }
    }

    private static final Comparator<Candidate> EARLIEST =
            Comparator.comparing(Candidate::publishedAt).thenComparingLong(Candidate::id);

    private record Candidate(long id, Instant publishedAt) {
    }

    /**
     * The original of every post the batch looked at, as it stands after the posts before it were linked: the
     * posts of a batch are linked one after another, as if each arrived alone, and written at the end.
     */
    private static final class Originals {
        private final Map<Long, Long> current = new HashMap<>();
        private final Map<Long, Long> changed = new LinkedHashMap<>();
        private final Map<Long, Long> reroots = new LinkedHashMap<>();

        void known(long id, Long original) {
            current.putIfAbsent(id, original);
        }

        Long of(long id) {
            return current.get(id);
        }

        void set(long id, long original) {
            if (!Objects.equals(current.get(id), original)) {
                current.put(id, original);
                changed.put(id, original);
            }
        }
    }

    private static void attach(Fingerprint post, List<Candidate> candidates, Originals originals) {
        if (candidates.isEmpty()) {
            return;
        }
        Candidate earliest = candidates.get(0);
        if (!earliest.publishedAt().isAfter(post.publishedAt())) {
            Long root = originals.of(earliest.id());
            if (originals.of(post.postId()) == null) {
                originals.set(post.postId(), root != null ? root : earliest.id());
            }
            return;
        }
        // this post predates the copies seen so far (a backfill): it becomes their original, and their copies'
        List<Long> members = candidates.stream().map(Candidate::id).toList();
        for (Map.Entry<Long, Long> e : List.copyOf(originals.current.entrySet())) {
            boolean member = members.contains(e.getKey()) || (e.getValue() != null && members.contains(e.getValue()));
            if (member && e.getKey() != post.postId()) {
                originals.set(e.getKey(), post.postId());
            }
        }
        members.forEach(m -> originals.reroots.put(m, post.postId()));
    }

    /** The window's bounds of every post, as two arrays of the lookup's parameters. */
    private Tuple window(Tuple args, List<Fingerprint> posts) {
        return args.addValue(posts.stream().map(t -> SqlTime.of(t.publishedAt().minus(config.window())))
                        .toArray(OffsetDateTime[]::new))
                .addValue(posts.stream().map(t -> SqlTime.of(t.publishedAt().plus(config.window())))
                        .toArray(OffsetDateTime[]::new));
    }

    /** Writes the re-rooted groups and the changed originals, except those of {@code unstored} posts. */
    private static Uni<Void> write(SqlConnection conn, Originals originals, Set<Long> unstored) {
        Map<Long, Long> changed = new LinkedHashMap<>(originals.changed);
        changed.keySet().removeAll(unstored);
        Uni<Void> reroot = originals.reroots.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery(REROOT).execute(Tuple.of(originals.reroots.keySet().toArray(Long[]::new),
                        originals.reroots.values().toArray(Long[]::new))).replaceWithVoid();
        return reroot.chain(() -> changed.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery(SET_ORIGINALS).execute(Tuple.of(changed.keySet().toArray(Long[]::new),
                        changed.values().toArray(Long[]::new))).replaceWithVoid());
    }
}
