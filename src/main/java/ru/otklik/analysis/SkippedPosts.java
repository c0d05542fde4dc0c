package ru.otklik.analysis;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import ru.otklik.common.FeedCursor;
import ru.otklik.common.Page;

/** The posts whose current version was skipped as non-Russian, with the language found, newest first. */
@ApplicationScoped
public class SkippedPosts {

    /** One skipped post as the console lists it. */
    public record SkippedPost(long id, String sourceKey, String sourceTitle, String url, String title, String text,
                              Instant publishedAt, String lang) {
    }

    private static final String SKIPPED = """
            from post p
            join post_analysis a on a.post_id = p.id and a.post_version = p.version
            join source s on s.id = p.source_id
            where p.analysis_state = 'skipped'
            """;

    private static final String PAGE = "select p.id, s.key, s.title as source_title, p.url, p.title, p.text, "
            + "p.published_at, a.lang " + SKIPPED + """
              and ($1::timestamptz is null or (p.published_at, p.id) < ($1::timestamptz, $2::bigint))
            order by p.published_at desc, p.id desc
            limit $3
            """;

    private final Pool pool;

    public SkippedPosts(Pool pool) {
        this.pool = pool;
    }

    /** One page; {@code after} is the opaque cursor of the previous page. */
    public Uni<Page<SkippedPost>> page(String after, int limit) {
        FeedCursor cursor = after == null || after.isBlank() ? null : FeedCursor.decode(after);
        Tuple args = Tuple.of(cursor == null ? null : cursor.time().atOffset(ZoneOffset.UTC),
                cursor == null ? null : cursor.id(), limit + 1);
        return pool.preparedQuery(PAGE).execute(args).map(rows -> {
            List<SkippedPost> posts = new ArrayList<>();
            rows.forEach(row -> posts.add(of(row)));
            return Page.of(posts, limit, p -> new FeedCursor(p.publishedAt(), p.id()), p -> p);
        });
    }

    /** How many posts are skipped now. */
    public Uni<Long> count() {
        return pool.query("select count(*) " + SKIPPED).execute().map(rows -> rows.iterator().next().getLong(0));
    }

    private static SkippedPost of(Row r) {
        return new SkippedPost(r.getLong("id"), r.getString("key"), r.getString("source_title"), r.getString("url"),
                r.getString("title"), r.getString("text"), r.getOffsetDateTime("published_at").toInstant(),
                r.getString("lang"));
    }
}
