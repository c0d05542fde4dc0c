package ru.otklik.post;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ru.otklik.crawler.dedup.NearDuplicateLinker;
import ru.otklik.crawler.dedup.QueuedLinking;
import ru.otklik.testing.TestDb;

/**
 * Four feeders post the same new source and overlapping external ids at the same moment (issue 15, item 3): each
 * request is answered 200 with an answer per item, and each post is stored once.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ConcurrentIngestTest {

    private static final int FEEDERS = 4;
    /** Each feeder sends 30 ids: 20 shared by all, 10 of its own, in its own order. */
    private static final int SHARED = 20;

    @Inject
    TestDb db;

    @Inject
    QueuedLinking linking;

    private static String batch(String source, int feeder) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            // every feeder walks the shared ids from a different starting point
            ids.add("shared-" + ((i + feeder * 5) % SHARED));
        }
        for (int i = 0; i < 10; i++) {
            ids.add("own-" + feeder + "-" + i);
        }
        StringBuilder json = new StringBuilder("[");
        for (String id : ids) {
            json.append(json.length() > 1 ? "," : "").append("""
                    {"source": "%s", "externalId": "%s", "author": "id%s", "publishedAt": "2026-11-20T10:00:00Z",
                     "text": "Во дворе дома %s на улице Ленина не вывозят мусор уже неделю, контейнеры переполнены",
                     "metrics": {"likes": 1}}""".formatted(source, id, id, id));
        }
        return json.append("]").toString();
    }

    @Test
    void concurrentFeedersOfANewSourceAllSucceedAndStoreEachPostOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(FEEDERS);
        try {
            // several rounds, each with a new source key, so the race is met more than once
            for (int round = 0; round < 5; round++) {
                String source = "race-" + UUID.randomUUID();
                CyclicBarrier start = new CyclicBarrier(FEEDERS);
                List<CompletableFuture<Response>> answers = new ArrayList<>();
                for (int feeder = 0; feeder < FEEDERS; feeder++) {
                    String body = batch(source, feeder);
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return given().contentType(ContentType.JSON).body(body).post("/api/posts");
                    }, pool));
                }
                Map<String, Integer> created = new HashMap<>();
                Map<String, Long> postIds = new HashMap<>();
                for (CompletableFuture<Response> answer : answers) {
                    Response r = answer.get(2, TimeUnit.MINUTES);
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
                    JsonPath json = r.jsonPath();
                    assertThat(json.getInt("rejected")).isZero();
                    List<Map<String, Object>> items = json.getList("items");
                    assertThat(items).hasSize(SHARED + 10);
                    for (Map<String, Object> item : items) {
                        String id = (String) item.get("externalId");
                        assertThat(item.get("status")).isIn("created", "unchanged");
                        if ("created".equals(item.get("status"))) {
                            created.merge(id, 1, Integer::sum);
                        }
                        long postId = ((Number) item.get("postId")).longValue();
                        // every feeder is told the same post id for the same external id
                        assertThat(postIds.putIfAbsent(id, postId)).isIn(null, postId);
                    }
                }
                assertThat(created).hasSize(SHARED + FEEDERS * 10).allSatisfy((id, times) -> assertThat(times).isOne());
                assertThat(db.count("select count(*) from source where key = ?", source)).isOne();
                assertThat(db.count("select count(*) from post p join source s on s.id = p.source_id where s.key = ?",
                        source)).isEqualTo(SHARED + FEEDERS * 10);
                // the texts are copies of each other: linked after the feeders' commits by the queue's step
                linking.drain().await().indefinitely();
                String linked = "select count(*) from post p join source s on s.id = p.source_id "
                        + "left join post_fingerprint f on f.post_id = p.id where s.key = ? and "
                        + NearDuplicateLinker.ORIGINAL + " is not null ";
                assertThat(db.count(linked, source)).isPositive();
                assertThat(db.count(linked + "and not exists (select 1 from post o where o.id = "
                        + NearDuplicateLinker.ORIGINAL + ")", source))
                        .as("links to posts that were never stored").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
