package ru.otklik.crawler.dedup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ru.otklik.post.IngestActivity;
import ru.otklik.testing.TestDb;

/**
 * New posts are stored by the ingest with a queue row instead of their fingerprint and original (V77), and linked by
 * {@link QueuedLinking} after the commit: the batch's copies then point at the earliest post, a step that dies half
 * way leaves the posts queued for the next one, and a second step changes nothing. The scheduled step is off in
 * tests, so the state between the two steps can be looked at.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class QueuedLinkingTest {

    @Inject
    TestDb db;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QueuedLinking linking;

    @Inject
    IngestActivity ingest;

    /** A complaint of its own (a random tag in every word's neighbourhood), so no other test's post is near it. */
    private static String complaint(String tag) {
        return "Жители дома 9 на улице Лесной " + tag + " месяц живут без лифта, управляющая компания отвечает, что "
                + "запчасти едут, а пожилые соседи с пятого этажа не могут выйти на улицу, просим помочь";
    }

    /** A tag with which the test's three texts stay within the default distance of 6 of each other. */
    private static String tag() {
        return NearTags.keepingCopiesNear(2, QueuedLinkingTest::complaint,
                List.of(text -> "Репост: " + text, text -> text + " Помогите!"));
    }

    private static List<Long> post(String source, String[]... items) {
        return NearDuplicateLookupTest.postAll(source, List.of(items));
    }

    private Long originalOf(long id) {
        return NearDuplicateLookupTest.storedOriginal(db, id);
    }

    private static String in(List<Long> ids) {
        return "(" + String.join(", ", ids.stream().map(String::valueOf).toList()) + ")";
    }

    private long queued(List<Long> ids) {
        return db.count("select count(*) from post_unlinked where post_id in " + in(ids));
    }

    private long fingerprinted(List<Long> ids) {
        return db.count("select count(*) from post_fingerprint f join post p on p.id = f.post_id "
                + "where f.post_id in " + in(ids) + " and f.simhash = p.simhash and f.published_at = p.published_at");
    }

    @Test
    void aBatchsCopiesAreLinkedByTheStepAfterTheIngest() {
        String tag = tag();
        String text = complaint(tag);
        String source = "queued-" + UUID.randomUUID();
        // the copy comes first, the earliest post last: the step links in any order
        List<Long> ids = post(source,
                new String[] {"copy", "Репост: " + text, "2025-10-02T12:00:00Z"},
                new String[] {"other", "В сквере у драмтеатра заменили освещение и поставили двадцать новых скамеек "
                        + "вдоль дорожек " + tag, "2025-10-02T10:00:00Z"},
                new String[] {"late-copy", text + " Помогите!", "2025-10-03T09:00:00Z"},
                new String[] {"earliest", text, "2025-10-02T09:00:00Z"});
        long earliest = ids.get(3);

        // the ingest stored the posts and queued them; nothing is linked or fingerprinted yet
        assertThat(queued(ids)).isEqualTo(4);
        assertThat(fingerprinted(ids)).isZero();
        assertThat(ids).allSatisfy(id -> assertThat(originalOf(id)).isNull());

        linking.drain().await().indefinitely();
        assertThat(queued(ids)).isZero();
        assertThat(fingerprinted(ids)).isEqualTo(4);
        assertThat(originalOf(earliest)).isNull();
        assertThat(originalOf(ids.get(1))).as("a different text is not a copy").isNull();
        assertThat(originalOf(ids.get(0))).isEqualTo(earliest);
        assertThat(originalOf(ids.get(2))).isEqualTo(earliest);
        // the links went into the fingerprint rows the step inserted, so the copies' post rows were written once
        assertThat(db.count("select count(*) from post where original_id is not null and id in " + in(ids))).isZero();
        // and the API shows them as the post's original
        assertThat(given().get("/api/posts/" + ids.get(2)).then().statusCode(200).extract().jsonPath()
                .getLong("originalId")).isEqualTo(earliest);
        assertThat(given().get("/api/posts/" + earliest).then().statusCode(200).extract().jsonPath()
                .getString("originalId")).isNull();

        // a copy in a later batch is found through the fingerprints the step inserted
        List<Long> next = post(source, new String[] {"next-copy", text, "2025-10-05T09:00:00Z"});
        linking.drain().await().indefinitely();
        assertThat(originalOf(next.get(0))).isEqualTo(earliest);
    }

    @Test
    void theStepWaitsForTheIngestInFlight() throws Exception {
        // a text and a date of its own, so the post is no other test's copy nor original
        String text = "Во дворе на улице Полевой снова не убран снег, проехать к подъезду нельзя " + tag();
        List<Long> ids = post("queued-wait-" + UUID.randomUUID(), new String[] {"one", text, "2023-03-01T09:00:00Z"});
        // a batch that never ends on its own (otklik.ingest.background-wait is 10 s in tests)
        Cancellable inFlight = ingest.tracked(Uni.createFrom().nothing()).subscribe().with(ignored -> { });
        try {
            CompletableFuture<Integer> step = linking.drain().subscribeAsCompletionStage();
            Thread.sleep(500);
            assertThat(step).as("the step waits while a batch is in flight").isNotDone();
            assertThat(queued(ids)).isEqualTo(1);

            inFlight.cancel();
            step.get(60, TimeUnit.SECONDS);
            assertThat(queued(ids)).isZero();
            assertThat(fingerprinted(ids)).isEqualTo(1);
        } finally {
            inFlight.cancel();
        }
    }

    @Test
    void anEditTooShortToCompareKeepsTheLinkTheStepWrote() {
        String text = complaint(tag());
        String source = "queued-edit-" + UUID.randomUUID();
        List<Long> ids = post(source, new String[] {"original", text, "2025-12-02T09:00:00Z"},
                new String[] {"copy", "Репост: " + text, "2025-12-02T11:00:00Z"});
        linking.drain().await().indefinitely();
        assertThat(originalOf(ids.get(1))).isEqualTo(ids.get(0));

        // the edit drops the copy's fingerprint row, where its link was: the link moves into post
        post(source, new String[] {"copy", "Починили, спасибо", "2025-12-02T11:00:00Z"});
        assertThat(fingerprinted(List.of(ids.get(1)))).isZero();
        assertThat(originalOf(ids.get(1))).isEqualTo(ids.get(0));
    }

    @Test
    void aStepThatDiesLeavesItsPostsQueuedAndTheNextLinksThemOnce() throws Exception {
        String tag = tag();
        String text = complaint(tag);
        String source = "queued-crash-" + UUID.randomUUID();
        List<Long> first = post(source, new String[] {"original", text, "2025-11-02T09:00:00Z"});
        List<Long> copies = post(source, new String[] {"copy", "Репост: " + text, "2025-11-02T11:00:00Z"});
        List<Long> all = List.of(first.get(0), copies.get(0));

        // a step's transaction that claimed the queue and wrote a fingerprint, then died before its commit
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("delete from post_unlinked where post_id in " + in(all));
            st.execute("insert into post_fingerprint (post_id, simhash, published_at) "
                    + "select id, simhash, published_at from post where id = " + all.get(0));
            c.rollback();
        }
        assertThat(queued(all)).isEqualTo(2);
        assertThat(fingerprinted(all)).isZero();

        linking.drain().await().indefinitely();
        assertThat(queued(all)).isZero();
        assertThat(fingerprinted(all)).isEqualTo(2);
        assertThat(originalOf(all.get(0))).isNull();
        assertThat(originalOf(all.get(1))).isEqualTo(all.get(0));

        // nothing is linked twice: the queue is empty for them, and a queue row put back by hand (as a replayed
        // ingest would) is dropped without a second fingerprint or a new link
        db.update("insert into post_unlinked (post_id) values (?)", all.get(1));
        linking.drain().await().indefinitely();
        assertThat(queued(all)).isZero();
        assertThat(db.count("select count(*) from post_fingerprint where post_id in " + in(all))).isEqualTo(2);
        assertThat(originalOf(all.get(1))).isEqualTo(all.get(0));
    }
}
