package ru.otklik.crawler.vk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.otklik.crawler.CrawlTestSupport.createSource;
import static ru.otklik.crawler.CrawlTestSupport.posts;
import static ru.otklik.crawler.CrawlTestSupport.run;
import static ru.otklik.crawler.CrawlTestSupport.source;
import static ru.otklik.crawler.FakePlatforms.fault;
import static ru.otklik.crawler.FakePlatforms.vkError;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.otklik.crawler.FakePlatforms;
import ru.otklik.post.Post;
import ru.otklik.source.Source;

/**
 * A VK wall through a local fake of the API: paging, comments, and each VK error code; after every fault the
 * crawler recovers by itself and the stored posts are exactly the expected ones.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@QuarkusTestResource(FakePlatforms.class)
class VkCrawlTest {

    private static final long OWNER = -100;
    private final AtomicInteger wallSize = new AtomicInteger();
    private final AtomicBoolean bom = new AtomicBoolean();
    private final AtomicBoolean commentsClosed = new AtomicBoolean();

    @Inject
    VkLimits limits;

    @BeforeEach
    void fake() {
        FakePlatforms.reset();
        limits.reset();
        FakePlatforms.handle("/method/wall.get", this::wall);
        FakePlatforms.handle("/method/wall.getComments", this::comments);
    }

    private MockResponse wall(RecordedRequest r) {
        assertEquals("test-token", r.getUrl().queryParameter("access_token"));
        assertEquals("5.199", r.getUrl().queryParameter("v"));
        int offset = Integer.parseInt(r.getUrl().queryParameter("offset"));
        int count = Integer.parseInt(r.getUrl().queryParameter("count"));
        long now = Instant.now().getEpochSecond();
        int n = wallSize.get();
        String items = IntStream.rangeClosed(1, n).map(i -> n + 1 - i).skip(offset).limit(count)
                .mapToObj(id -> """
                        {"id":%d,"owner_id":%d,"from_id":%d,"date":%d,"post_type":"post","text":"Запись %d",
                         "comments":{"count":%d},"likes":{"count":%d},"reposts":{"count":0},"views":{"count":%d}}"""
                        .formatted(id, OWNER, OWNER, now - (n - id) * 60L, id, id % 10 == 0 ? 2 : 0, id, id * 10))
                .collect(Collectors.joining(","));
        String body = "{\"response\":{\"count\":%d,\"items\":[%s],\"profiles\":[],\"groups\":[{\"id\":100,\"name\":\"Тульский двор\"}]}}"
                .formatted(n, items);
        return FakePlatforms.json(bom.get() ? "\uFEFF" + body : body);
    }

    private MockResponse comments(RecordedRequest r) {
        long post = Long.parseLong(r.getUrl().queryParameter("post_id"));
        if (commentsClosed.get() && post == 30) {
            return vkError(212, "Access to post comments denied");
        }
        return FakePlatforms.json("""
                {"response":{"count":1,"items":[{"id":%d,"from_id":5,"date":%d,"text":"Когда уберут мусор у дома %d?",
                  "likes":{"count":1},"thread":{"count":1,"items":[{"id":%d,"from_id":%d,"date":%d,"text":"Заявка передана"}]}}],
                 "profiles":[{"id":5,"first_name":"Анна","last_name":"Смирнова"}],"groups":[{"id":100,"name":"Тульский двор"}]}}"""
                .formatted(post * 1000 + 1, Instant.now().getEpochSecond(), post, post * 1000 + 2, OWNER, Instant.now().getEpochSecond()));
    }

    private static Set<String> expected(int wall, int... withComments) {
        Set<String> ids = IntStream.rangeClosed(1, wall).mapToObj(i -> OWNER + "_" + i).collect(Collectors.toSet());
        for (int p : withComments) {
            ids.add(OWNER + "_" + p + "_" + (p * 1000 + 1));
            ids.add(OWNER + "_" + p + "_" + (p * 1000 + 2));
        }
        return ids;
    }

    private static void assertStored(String key, Set<String> expected) {
        List<Post> stored = posts(key);
        assertEquals(stored.size(), new HashSet<>(stored.stream().map(p -> p.externalId).toList()).size(), "none twice");
        assertEquals(expected, stored.stream().map(p -> p.externalId).collect(Collectors.toSet()));
    }

    @Test
    void wallWithCommentsSurvivesEveryVkError() {
        createSource("""
                {"key":"vk-wall-test","kind":"vk-wall","title":"Тульский двор","domain":"tulatest","comments":true,"interval":"10m"}
                """).statusCode(201);
        wallSize.set(30);
        // 6 (too many requests per second) and 9 (flood control) are retried within the run
        fault(vkError(6, "Too many requests per second"));
        fault(vkError(9, "Flood control"));
        run("vk-wall-test").body("outcome", equalTo("success")).body("counts.pages", equalTo(4));
        assertStored("vk-wall-test", expected(30, 10, 20, 30));
        Post comment = posts("vk-wall-test").stream().filter(p -> p.externalId.equals("-100_30_30001")).findFirst().orElseThrow();
        assertEquals("-100_30", comment.parentExternalId);
        assertEquals("Анна Смирнова", comment.authorName);
        Post reply = posts("vk-wall-test").stream().filter(p -> p.externalId.equals("-100_30_30002")).findFirst().orElseThrow();
        assertEquals("-100_30_30001", reply.parentExternalId);
        assertEquals(comment.id, reply.parentId);
        Post post = posts("vk-wall-test").stream().filter(p -> p.externalId.equals("-100_30")).findFirst().orElseThrow();
        assertEquals("Тульский двор", post.authorName);
        assertEquals(300L, post.views);

        // five new posts, and the API answers with a byte-order mark
        wallSize.set(35);
        bom.set(true);
        run("vk-wall-test").body("outcome", equalTo("success")).body("counts.created", equalTo(5));
        bom.set(false);

        // 5: the token is invalid — unhealthy, alert, readiness DOWN; recovered by the next good run
        fault(vkError(5, "User authorization failed: invalid access_token (4)."));
        run("vk-wall-test").body("outcome", equalTo("auth")).body("error", containsString("ошибка 5"));
        assertFalse(source("vk-wall-test").healthy);
        given().get("/q/health/ready").then().statusCode(503).body(containsString("vk-wall-test"));
        given().get("/q/metrics").then().body(containsString("otklik_crawler_alerts_total{reason=\"auth\",source=\"vk-wall-test\"}"));
        String tokenInLogs = given().get("/api/sources/vk-wall-test").then().extract().asString();
        assertFalse(tokenInLogs.contains("test-token"), "the token never leaves the request");
        run("vk-wall-test").body("outcome", equalTo("success"));
        assertTrue(source("vk-wall-test").healthy);

        // 29: the method's daily quota is spent — paused until Moscow midnight
        fault(vkError(29, "Rate limit reached"));
        run("vk-wall-test").body("outcome", equalTo("paused"));
        Source paused = source("vk-wall-test");
        assertTrue(!paused.nextRunAt.isBefore(limits.nextReset()), "resumes after the quota reset: " + paused.nextRunAt);
        assertTrue(paused.healthy, "a pause is not a fault of the source");
        run("vk-wall-test").body("outcome", equalTo("paused")).body("error", containsString("wall.get"));
        limits.reset();

        // 14: captcha — the token rests
        fault(vkError(14, "Captcha needed"));
        run("vk-wall-test").body("outcome", equalTo("paused")).body("error", containsString("капч"));
        limits.reset();

        // 15, 18, 30, 203: the wall cannot be read — skipped with the reason recorded
        for (int code : new int[] {15, 18, 30, 203}) {
            fault(vkError(code, "Access denied"));
            run("vk-wall-test").body("outcome", equalTo("skipped")).body("error", containsString("ошибка " + code));
            assertTrue(source("vk-wall-test").lastError.contains("ошибка " + code));
        }

        // malformed and truncated JSON, a reset connection: transient, then recovered
        fault(FakePlatforms.json("{\"response\": [ {\"id\": "));
        run("vk-wall-test").body("outcome", equalTo("transient")).body("error", containsString("JSON"));
        fault(new MockResponse.Builder().body("{\"response\":{\"count\":35,\"items\":[").setHeader("Content-Length", "400")
                .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build());
        run("vk-wall-test");
        for (int i = 0; i < 4; i++) {
            fault(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
        }
        run("vk-wall-test").body("outcome", equalTo("transient"));

        // 212: comments closed on one post — that item is skipped, the rest stored
        commentsClosed.set(true);
        run("vk-wall-test").body("outcome", equalTo("success")).body("counts.skipped", equalTo(1));
        assertTrue(source("vk-wall-test").lastSkipped.get("items").get(0).asText().contains("212"));
        assertTrue(source("vk-wall-test").healthy);

        assertStored("vk-wall-test", expected(35, 10, 20, 30));
    }

    @Test
    void invalidDefinitionsAreRefusedWithTheField() {
        createSource("""
                {"key":"vk-bad","kind":"vk-wall","domain":"x y","ownerId":-1,"comments":"yes","colour":"red"}
                """).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'domain'"))
                .body("detail", containsString("'comments'"))
                .body("detail", containsString("'colour'"));
        createSource("""
                {"key":"vk-search-bad","kind":"vk-search","latitude":54.2}
                """).statusCode(400).body("detail", containsString("'q'")).body("detail", containsString("'longitude'"));
    }
}
