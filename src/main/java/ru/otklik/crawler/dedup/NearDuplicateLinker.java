package ru.otklik.crawler.dedup;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import ru.otklik.crawler.CrawlerConfig;

/**
 * Links a stored post to its original: an explicit repost (VK {@code copy_history}) directly, a copied text by
 * SimHash. The original is the earliest published post of the group; every copy points at it (never at another
 * copy), so {@code post.original_id} answers "where did this text first appear" in one step.
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
public class NearDuplicateLinker {

    private static final String CANDIDATES = """
            select id, published_at, original_id from post
            where simhash is not null and id <> :id
              and (((simhash >> 0) & 511) = :b0 or ((simhash >> 9) & 511) = :b1 or ((simhash >> 18) & 511) = :b2
                   or ((simhash >> 27) & 511) = :b3 or ((simhash >> 36) & 511) = :b4 or ((simhash >> 45) & 511) = :b5
                   or ((simhash >> 54) & 1023) = :b6)
              and bit_count((simhash # :h)::bit(64)) <= :d
              and published_at between :from and :to
            order by published_at, id
            limit 50""";

    private final CrawlerConfig.Dedup config;

    public NearDuplicateLinker(CrawlerConfig config) {
        this.config = config.dedup();
    }

    /** Sets the post's SimHash and, when a copy of an earlier post, its original. */
    public Uni<Void> link(long postId, String text, Instant publishedAt) {
        if (!config.enabled() || SimHash.normalisedLength(text) < config.minTextLength()) {
            return Uni.createFrom().voidItem();
        }
        long h = SimHash.of(text);
        return Panache.getSession().chain(session -> session
                .createNativeQuery("update post set simhash = :h where id = :id")
                .setParameter("h", h).setParameter("id", postId).executeUpdate()
                .chain(() -> session.createNativeQuery(CANDIDATES, Object[].class)
                        .setParameter("id", postId)
                        .setParameter("b0", SimHash.band(h, 0)).setParameter("b1", SimHash.band(h, 1))
                        .setParameter("b2", SimHash.band(h, 2)).setParameter("b3", SimHash.band(h, 3))
                        .setParameter("b4", SimHash.band(h, 4)).setParameter("b5", SimHash.band(h, 5))
                        .setParameter("b6", SimHash.band(h, 6))
                        .setParameter("h", h).setParameter("d", config.maxDistance())
                        .setParameter("from", publishedAt.minus(config.window()))
                        .setParameter("to", publishedAt.plus(config.window()))
                        .getResultList())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem() : attach(postId, publishedAt, rows)));
    }

    /** Records an explicit repost; the original's own original wins, so chains of reposts stay one step deep. */
    public Uni<Void> linkRepost(long repostId, long originalId) {
        if (repostId == originalId) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update post set original_id = coalesce((select original_id from post where id = :o), :o)
                        where id = :r""")
                .setParameter("o", originalId).setParameter("r", repostId).executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> attach(long postId, Instant publishedAt, List<Object[]> rows) {
        Object[] earliest = rows.get(0);
        Instant earliestAt = toInstant(earliest[1]);
        if (!earliestAt.isAfter(publishedAt)) {
            long root = earliest[2] != null ? ((Number) earliest[2]).longValue() : ((Number) earliest[0]).longValue();
            return Panache.getSession().chain(s -> s.createNativeQuery(
                            "update post set original_id = :root where id = :id and original_id is null")
                    .setParameter("root", root).setParameter("id", postId).executeUpdate()).replaceWithVoid();
        }
        // this post predates the copies seen so far (a backfill): it becomes their original
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update post set original_id = :id where (id in (:ids) or original_id in (:ids)) and id <> :id")
                .setParameter("id", postId).setParameter("ids", ids).executeUpdate()).replaceWithVoid();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
