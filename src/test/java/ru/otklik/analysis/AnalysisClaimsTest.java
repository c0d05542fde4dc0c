package ru.otklik.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.security.TestCredentials;
import ru.otklik.testing.TestDb;

/** Claims on the analysis queue come back at once to the node that owns them, not after the claim timeout. */
@QuarkusTest
class AnalysisClaimsTest {

    @Inject
    TestDb db;

    @Inject
    ClaimOwner owner;

    private List<Long> analysedPosts(int count) {
        String source = "claims-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("""
                    {"source": "%s", "externalId": "%d", "text": "В Алексине не вывозят мусор, двор завален %d",
                     "publishedAt": "2026-11-20T10:00:00Z"}""".formatted(source, i, i));
        }
        List<Long> ids = TestCredentials.asAdmin().contentType(ContentType.JSON).body(body.append("]").toString())
                .post("/api/posts").then().statusCode(200).extract().jsonPath().getList("items.postId", Long.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> "done".equals(state(id))));
        return ids;
    }

    private String state(long id) {
        return (String) db.rows("select analysis_state from post where id = ?", id).get(0).get("analysis_state");
    }

    /** A claim as a node writes it; the post is pending again, as while it is analysed. */
    private void claim(long id, String node, UUID boot, int attempts) {
        db.update("update post set analysis_state = 'pending' where id = ?", id);
        db.update("insert into analysis_claim (post_id, node, boot, claimed_at, attempts) values (?, ?, ?, now(), ?)",
                id, node, boot, attempts);
    }

    @Test
    void aClaimLeftByAnEarlierBootOfThisNodeIsAnalysedAtTheNextPollAnotherNodesFreshClaimWaits() {
        List<Long> posts = analysedPosts(2);
        long ours = posts.get(0);
        long theirs = posts.get(1);
        // what kill -9 leaves: claims written by this node's previous boot, fresh enough for the timeout
        claim(ours, owner.node(), UUID.randomUUID(), 1);
        claim(theirs, "another-node", UUID.randomUUID(), 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(state(ours)));

        // analysed, its claim is gone; another node may still be working on its post: that claim waits for the timeout
        assertThat(db.count("select count(*) from analysis_claim where post_id = ?", ours)).isZero();
        assertThat(state(theirs)).isEqualTo("pending");
        assertThat(db.count("select count(*) from analysis_claim where post_id = ? and node = 'another-node'", theirs))
                .isEqualTo(1);
        db.update("update analysis_claim set claimed_at = now() - interval '11 minutes' where post_id = ?", theirs);
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(state(theirs)));
        assertThat(db.count("select count(*) from analysis_claim where post_id = ?", theirs)).isZero();
    }

    @Test
    void aPostReturnedTwiceIsRetriedAloneAndItsClaimGoesWhenItIsAnalysed() {
        List<Long> posts = analysedPosts(1);
        long post = posts.get(0);
        claim(post, owner.node(), UUID.randomUUID(), 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(state(post)));

        assertThat(db.count("select count(*) from analysis_claim where post_id = ?", post)).isZero();
        assertThat(db.count("select count(*) from post_analysis where post_id = ?", post)).isEqualTo(1);
    }

    @Test
    void aPostThatFailedAsOftenAsAllowedIsMarkedFailedInsteadOfQueuedAgain() {
        long post = analysedPosts(1).get(0);
        claim(post, owner.node(), owner.boot(), 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(state(post)));
    }
}
