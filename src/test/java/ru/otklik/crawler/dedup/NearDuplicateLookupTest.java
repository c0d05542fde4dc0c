package ru.otklik.crawler.dedup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.testing.TestDb;

/**
 * Near-duplicates posted through {@code POST /api/posts} in separate batches are linked through the fingerprints
 * of V66, which follow their posts' edits, and the lookup finds its candidates in the band indexes alone.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class NearDuplicateLookupTest {

    @Inject
    TestDb db;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QueuedLinking linking;

    /** A complaint with a word of its own, so no other test's post is within its distance. */
    private static String complaint(String tag) {
        return "Жители дома 5 на улице Садовой " + tag + " третью неделю сидят без отопления, батареи ледяные, "
                + "управляющая компания обещает прислать слесаря и не присылает, просим администрацию вмешаться";
    }

    /** A tag of its own (posts of earlier runs must not be candidates) with which the test's copies stay near. */
    private static String tagKeepingCopiesNear() {
        return tagKeepingCopiesNear(1);
    }

    /** As {@link #tagKeepingCopiesNear()} with a tag of several random words, farther from other runs' texts. */
    private static String tagKeepingCopiesNear(int words) {
        return NearTags.keepingCopiesNear(words, NearDuplicateLookupTest::complaint, List.of(
                text -> "Репост: " + text + " #Курск", text -> text + " Помогите!", text -> text + " Срочно"));
    }

    private static long post(String source, String id, String text, String publishedAt, String expectedStatus) {
        String body = """
                [{"source": "%s", "externalId": "%s", "text": "%s", "publishedAt": "%s"}]"""
                .formatted(source, id, text, publishedAt);
        return given().contentType(ContentType.JSON).body(body).post("/api/posts").then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.status == '%s' }.postId".formatted(expectedStatus));
    }

    private Long originalOf(long id) {
        linking.drain().await().indefinitely();
        return storedOriginal(db, id);
    }

    /** A post's original as the API reads it: the fingerprint row's link, else post's own (V77). */
    static Long storedOriginal(TestDb db, long id) {
        Object original = db.rows("select " + NearDuplicateLinker.ORIGINAL + " as original_id from post p "
                + "left join post_fingerprint f on f.post_id = p.id where p.id = ?", id).get(0).get("original_id");
        return original == null ? null : ((Number) original).longValue();
    }

    private long fingerprints(long id) {
        linking.drain().await().indefinitely();
        return db.count("select count(*) from post_fingerprint f join post p on p.id = f.post_id "
                + "where f.post_id = ? and f.simhash = p.simhash and f.published_at = p.published_at", id);
    }

    @Test
    void copiesInLaterBatchesAreLinkedAndFingerprintsFollowEdits() {
        String tag = tagKeepingCopiesNear();
        String text = complaint(tag);
        String source = "dedup-" + UUID.randomUUID();
        long first = post(source, "1", text, "2025-06-10T09:00:00Z", "created");
        long other = post(source, "2", "В парке Победы высадили сто двадцать молодых лип и установили новые скамейки "
                + "вдоль главной аллеи " + tag, "2025-06-10T09:30:00Z", "created");
        long copy = post(source, "3", "Репост: " + text + " #Курск", "2025-06-10T12:00:00Z", "created");
        assertThat(originalOf(first)).isNull();
        assertThat(originalOf(other)).as("a different text is not a copy").isNull();
        assertThat(originalOf(copy)).isEqualTo(first);

        // a backfilled earlier copy becomes the original of the whole group
        long earliest = post(source, "0", text + " Помогите!", "2025-06-09T20:00:00Z", "created");
        assertThat(originalOf(earliest)).isNull();
        assertThat(originalOf(first)).isEqualTo(earliest);
        assertThat(originalOf(copy)).isEqualTo(earliest);

        // beyond the 14-day window the same text is a new post, not a copy
        long late = post(source, "4", text, "2025-07-20T09:00:00Z", "created");
        assertThat(originalOf(late)).isNull();

        // an edit that turns the other post into a copy moves its fingerprint, and the link follows
        assertThat(post(source, "2", text + " Срочно", "2025-06-10T09:30:00Z", "updated")).isEqualTo(other);
        assertThat(fingerprints(other)).isEqualTo(1);
        assertThat(originalOf(other)).isEqualTo(earliest);
        // a text edited below the comparable length leaves the lookup
        post(source, "2", "Уже починили", "2025-06-10T09:30:00Z", "updated");
        linking.drain().await().indefinitely();
        assertThat(db.count("select count(*) from post_fingerprint where post_id = ?", other)).isZero();
        assertThat(db.count("select count(*) from post where id = ? and simhash is null", other)).isEqualTo(1);
        for (long id : List.of(first, copy, earliest, late)) {
            assertThat(fingerprints(id)).as("post %d's fingerprint", id).isEqualTo(1);
        }
    }

    /** A post and, in a later batch, a copy of it, linked to it: their ids. */
    private long[] originalAndCopy(String source, String text, String publishedAt, String copyPublishedAt) {
        long original = post(source, "stored", text, publishedAt, "created");
        long copy = post(source, "stored-copy", text + " Срочно", copyPublishedAt, "created");
        assertThat(originalOf(copy)).isEqualTo(original);
        return new long[] {original, copy};
    }

    /** Posts one batch: each item is {externalId, text, publishedAt}; the post ids in the batch's order. */
    static List<Long> postAll(String source, List<String[]> items) {
        StringBuilder body = new StringBuilder("[");
        for (String[] item : items) {
            body.append(body.length() > 1 ? "," : "").append("""
                    {"source": "%s", "externalId": "%s", "text": "%s", "publishedAt": "%s"}"""
                    .formatted(source, item[0], item[1], item[2]));
        }
        return given().contentType(ContentType.JSON).body(body.append("]").toString()).post("/api/posts").then()
                .statusCode(200).extract().jsonPath().getList("items.postId", Long.class);
    }

    /**
     * The posts of one batch are linked by one step after their insert: copies of each other in any order, a copy of a post stored before, and an earlier post that re-roots a stored group. (Its dates are
     * months away from the other test's, and its tag is four random words, not one: its texts share the complaint's
     * wording with the other test's and with earlier runs' on the same test database.)
     */
    @Test
    void copiesWithinOneBatchAreLinkedToTheirOriginals() {
        String tag = tagKeepingCopiesNear(4);
        String text = complaint(tag);
        String source = "dedup-batch-" + UUID.randomUUID();
        long[] storedPair = originalAndCopy(source, text, "2025-09-10T11:00:00Z", "2025-09-10T13:00:00Z");
        long stored = storedPair[0];
        long storedCopy = storedPair[1];

        // later copies come first in the batch; the earliest post comes last and becomes everyone's original
        List<Long> ids = postAll(source, List.of(
                new String[] {"late-copy", "Репост: " + text + " #Курск", "2025-09-10T12:00:00Z"},
                new String[] {"other", "В парке Победы высадили сто двадцать молодых лип и установили новые скамейки "
                        + "вдоль главной аллеи " + tag, "2025-09-10T09:30:00Z"},
                new String[] {"early-copy", text + " Помогите!", "2025-09-10T10:00:00Z"},
                new String[] {"earliest", text, "2025-09-10T09:00:00Z"}));
        long earliest = ids.get(3);
        assertThat(originalOf(earliest)).isNull();
        assertThat(originalOf(ids.get(1))).as("a different text is not a copy").isNull();
        for (long id : List.of(ids.get(0), ids.get(2), stored, storedCopy)) {
            assertThat(originalOf(id)).as("post %d's original", id).isEqualTo(earliest);
        }

        // a new copy in a later batch, next to a new text of its own: linked to the root, the other left alone
        List<Long> next = postAll(source, List.of(
                new String[] {"next-copy", text, "2025-09-11T09:00:00Z"},
                new String[] {"next-other", "Во дворе дома 7 на улице Ленина не вывозят мусор уже неделю, контейнеры "
                        + "переполнены " + tag, "2025-09-11T09:00:00Z"}));
        assertThat(originalOf(next.get(0))).isEqualTo(earliest);
        assertThat(originalOf(next.get(1))).isNull();
        for (long id : next) {
            assertThat(fingerprints(id)).isEqualTo(1);
        }
    }

    /**
     * The lookup's band conditions match V66's expression indexes and everything it reads from post_fingerprint is
     * in them: on a table of 20,000 fingerprints over two weeks (inside a transaction that is rolled back), the
     * planner reads every band by an index-only scan of its own index, not by walking the table.
     */
    @Test
    void theLookupReadsEachBandFromItsCoveringIndex() throws Exception {
        List<String> plans = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("""
                    with s as (insert into source (key, kind, title, origin)
                               values ('lookup-plan-%s', 'api', 'plan', 'api') returning id),
                         p as (insert into post (source_id, external_id, text, content_hash, published_at, fetched_at,
                                                 simhash, analysis_state)
                               select s.id, 'plan-' || g, 'text', md5(g::text), now() - make_interval(mins => g), now(),
                                      hashtextextended('plan-' || g, 0), 'done'
                               from s, generate_series(1, 20000) g
                               returning id, simhash, published_at)
                    insert into post_fingerprint (post_id, simhash, published_at) select id, simhash, published_at from p
                    """.formatted(UUID.randomUUID()));
            st.execute("analyze post_fingerprint");
            st.execute("prepare lookup(bigint[], bigint[], timestamptz[], timestamptz[], int) as "
                    + NearDuplicateLinker.CANDIDATES);
            st.execute("prepare lookup_new(bigint[], timestamptz[], timestamptz[], int) as "
                    + NearDuplicateLinker.CANDIDATES_OF_NEW);
            st.execute("prepare earliest_new(bigint[], timestamptz[], timestamptz[], int) as "
                    + NearDuplicateLinker.EARLIEST_OF_NEW);
            for (String execute : List.of("lookup(array[1], ", "lookup_new(", "earliest_new(")) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("explain (costs off) execute " + execute + "array[123456789], "
                        + "array[now() - interval '14 days'], array[now() + interval '14 days'], 6)")) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                plans.add(String.join("\n", lines));
            }
            c.rollback();
        }
        // the lookup after an insert (edited posts), and the two before it (new posts: every candidate; the earliest)
        assertThat(plans).hasSize(3);
        for (String text : plans) {
            for (int band = 0; band < SimHash.BANDS; band++) {
                assertThat(text).as(text).contains("Index Only Scan using post_fingerprint_b" + band + "_idx");
            }
            assertThat(text).as(text).doesNotContain("Seq Scan on post_fingerprint");
            assertThat(pkeyReadsUnderALimit(text)).as("the originals (V77) read for the kept candidates only: " + text)
                    .isZero();
        }
    }

    /** The plan's reads of post_fingerprint's primary key inside a Limit: reads for candidates the lookup drops. */
    private static long pkeyReadsUnderALimit(String plan) {
        String[] lines = plan.split("\n");
        long found = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].contains("post_fingerprint_pkey")) {
                continue;
            }
            int depth = indent(lines[i]);
            for (int j = i - 1; j >= 0; j--) {
                if (indent(lines[j]) < depth && (lines[j].contains("->") || j == 0)) {
                    depth = indent(lines[j]);
                    if (lines[j].contains("Limit")) {
                        found++;
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
