package ru.otklik.web.review;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.otklik.common.ApiException;
import ru.otklik.common.FeedCursor;
import ru.otklik.common.Page;
import ru.otklik.nlp.InappropriateRule;

/**
 * The review queue: posts whose current version the analysis flagged as a complaint or a conflict (or, filtered,
 * as inappropriate) and no analyst has judged yet, newest first. An edited post comes back, since its new text was analysed anew.
 */
@ApplicationScoped
public class ReviewQueue {

    /**
     * The waiting posts; parameter {@code $n} true narrows them to the inappropriate ones (the console's filter).
     * Those are listed whether or not they are also a complaint or a conflict: a calm message on a sensitive topic is
     * neither, and the default queue leaves it out so that it does not bury the incidents.
     */
    private static String flagged(int n) {
        return """
                from post p
                join post_analysis a on a.post_id = p.id and a.post_version = p.version
                left join model_set ms on ms.id = a.model_set_id
                join source s on s.id = p.source_id
                left join incident_post ip on ip.post_id = p.id
                where (case when $%1$d::boolean then a.inappropriate = 'inappropriate'
                            else a.complaint = 'complaint' or a.conflict = 'conflict' end)
                  and not exists (select 1 from review r where r.post_id = p.id and r.post_version = p.version)
                """.formatted(n);
    }

    private static final String PAGE = """
            select p.id, p.version, p.url, p.author_handle, p.author_name, p.author_pseudonym, p.title, p.text,
                   p.published_at, s.key as source_key, s.title as source_title,
                   a.id as analysis_id, a.complaint, a.complaint_score, a.incident_type, a.topic, a.topic_score, a.conflict,
                   a.conflict_score, a.inappropriate, a.inappropriate_score, a.sentiment, a.sentiment_score, a.municipality, a.agency, a.agency_score,
                   a.agency_decided_by, a.explanation::text as explanation, coalesce(ms.versions, '{}')::text as model_versions,
                   ip.incident_id
            """ + flagged(4) + """
              and ($1::timestamptz is null or (p.published_at, p.id) < ($1::timestamptz, $2::bigint))
            order by p.published_at desc, p.id desc
            limit $3
            """;

    /** The queue's filter value for the inappropriate posts. */
    public static final String INAPPROPRIATE = InappropriateRule.LABEL;

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper json;

    public ReviewQueue(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * One page of the queue; {@code after} is the opaque cursor of the previous page, {@code inappropriate} lists
     * the inappropriate posts instead of the complaints and conflicts.
     */
    public Uni<Page<FlaggedPost>> page(String after, int limit, boolean inappropriate) {
        FeedCursor cursor = after == null || after.isBlank() ? null : FeedCursor.decode(after);
        Tuple args = Tuple.of(cursor == null ? null : cursor.time().atOffset(ZoneOffset.UTC),
                cursor == null ? null : cursor.id(), limit + 1).addBoolean(inappropriate);
        return pool.preparedQuery(PAGE).execute(args).map(rows -> {
            List<FlaggedPost> posts = new ArrayList<>();
            rows.forEach(row -> posts.add(of(row)));
            return Page.of(posts, limit, p -> new FeedCursor(p.publishedAt(), p.id()), p -> p);
        });
    }

    /** The {@code only} filter of the queue: absent, or {@value #INAPPROPRIATE} for the inappropriate posts. */
    public static boolean inappropriateOnly(String only) {
        if (only == null || only.isBlank()) {
            return false;
        }
        if (!INAPPROPRIATE.equals(only)) {
            throw ApiException.badRequest("Параметр only принимает только значение " + INAPPROPRIATE);
        }
        return true;
    }

    /** How many posts are waiting (of the inappropriate ones, with {@code inappropriate}). */
    public Uni<Long> size(boolean inappropriate) {
        return pool.preparedQuery("select count(*) " + flagged(1)).execute(Tuple.of(inappropriate))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private FlaggedPost of(Row r) {
        Instant published = r.getOffsetDateTime("published_at").toInstant();
        return new FlaggedPost(r.getLong("id"), r.getInteger("version"), r.getString("url"), r.getString("source_key"),
                r.getString("source_title"), r.getString("author_handle"), r.getString("author_name"),
                r.getString("author_pseudonym"), r.getString("title"), r.getString("text"), published,
                r.getLong("analysis_id"),
                label(r, "complaint"), r.getString("incident_type"), label(r, "topic"), label(r, "conflict"),
                label(r, "inappropriate"), label(r, "sentiment"),
                r.getString("municipality"), r.getString("agency"), r.getDouble("agency_score"),
                r.getString("agency_decided_by"), read(r.getString("explanation"), OBJECT),
                read(r.getString("model_versions"), STRINGS), r.getLong("incident_id"));
    }

    private static FlaggedPost.Label label(Row r, String name) {
        return new FlaggedPost.Label(r.getString(name), r.getDouble(name + "_score"));
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text == null ? "{}" : text, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("post_analysis holds malformed JSON", e);
        }
    }
}
