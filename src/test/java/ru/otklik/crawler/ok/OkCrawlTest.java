package ru.otklik.crawler.ok;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.otklik.crawler.CrawlTestSupport.createSource;
import static ru.otklik.crawler.CrawlTestSupport.posts;
import static ru.otklik.crawler.CrawlTestSupport.run;
import static ru.otklik.crawler.CrawlTestSupport.source;
import static ru.otklik.crawler.FakePlatforms.fault;
import static ru.otklik.crawler.FakePlatforms.okError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.otklik.crawler.FakePlatforms;
import ru.otklik.post.Post;
import ru.otklik.source.Source;

/**
 * An Odnoklassniki group through a local fake of {@code fb.do} serving the fixtures built from OK's documented
 * shapes: signed requests, paging by anchor, comments, and every error path; after each fault the crawler
 * recovers by itself and the stored posts are exactly the expected ones.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@QuarkusTestResource(FakePlatforms.class)
class OkCrawlTest {

    private static final String GID = "54000000000001";
    private final AtomicBoolean newTopic = new AtomicBoolean();
    private final AtomicBoolean commentsDenied = new AtomicBoolean();

    @Inject
    OkApi api;

    @BeforeEach
    void fake() {
        FakePlatforms.reset();
        api.reset();
        FakePlatforms.handle("/fb.do", this::fbDo);
    }

    private MockResponse fbDo(RecordedRequest r) {
        Map<String, String> params = new LinkedHashMap<>();
        r.getUrl().queryParameterNames().forEach(n -> params.put(n, r.getUrl().queryParameter(n)));
        assertEquals("CBAtestkey", params.get("application_key"));
        assertEquals("json", params.get("format"));
        assertEquals("test-ok-token", params.get("access_token"));
        assertEquals(OkSignature.sign(params, "test-ok-token", "test-ok-secret"), params.get("sig"), "signed");
        return switch (params.get("method")) {
            case "mediatopic.getTopics" -> {
                assertEquals(GID, params.get("gid"));
                if (params.get("anchor") == null) {
                    ObjectNode page = recent(fixture("topics-page1.json"));
                    if (newTopic.get()) {
                        ObjectNode fresh = (ObjectNode) page.get("media_topics").get(1).deepCopy();
                        fresh.put("id", "155320").put("created_ms", Instant.now().toEpochMilli());
                        fresh.putObject("discussion_summary").put("comments_count", 0);
                        ((ArrayNode) page.get("media_topics")).insert(1, fresh);
                    }
                    yield FakePlatforms.json(page.toString());
                }
                assertEquals("QU5DSE9SOjE1NTMwOQ==", params.get("anchor"));
                assertEquals("FORWARD", params.get("direction"));
                yield FakePlatforms.json(recent(fixture("topics-page2.json")).toString());
            }
            case "discussions.getComments" -> {
                assertEquals("155312", params.get("entityId"));
                assertEquals("GROUP_TOPIC", params.get("entityType"));
                yield commentsDenied.get() ? okError(10, "PERMISSION_DENIED : comments are closed")
                        : FakePlatforms.json(fixture("comments.json").toString());
            }
            default -> okError(3, "METHOD : unknown method");
        };
    }

    private static ObjectNode fixture(String name) {
        try {
            return (ObjectNode) OkParserTest.fixture(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixtures' topics moved to the last hours, so their comments count as young whenever the test runs. */
    private static ObjectNode recent(ObjectNode page) {
        long shift = Instant.now().minus(Duration.ofHours(1)).toEpochMilli() - 1764925200000L;
        for (JsonNode topic : page.get("media_topics")) {
            ((ObjectNode) topic).put("created_ms", topic.get("created_ms").asLong() + shift);
        }
        return page;
    }

    private static Set<String> expected(String... extra) {
        Set<String> ids = new HashSet<>(List.of(GID + "_155001", GID + "_155312", GID + "_155309", GID + "_155301",
                GID + "_155312_MTc2NDkyODgwMDAwMA==", GID + "_155312_MTc2NDkzMjQwMDAwMA=="));
        ids.addAll(List.of(extra));
        return ids;
    }

    private static void assertStored(Set<String> expected) {
        List<Post> stored = posts("ok-test");
        assertEquals(stored.size(), new HashSet<>(stored.stream().map(p -> p.externalId).toList()).size(), "none twice");
        assertEquals(expected, stored.stream().map(p -> p.externalId).collect(Collectors.toSet()));
    }

    @Test
    void groupWithCommentsSurvivesEveryOkError() {
        createSource("""
                {"key":"ok-test","kind":"ok-group","title":"Подслушано Тула","gid":"54000000000001","comments":true,"interval":"10m"}
                """).statusCode(201);
        // SERVICE (2) is retried within the run
        fault(okError(2, "SERVICE : Service temporary unavailable"));
        run("ok-test").body("outcome", equalTo("success")).body("counts.pages", equalTo(3))
                .body("counts.skipped", equalTo(1));
        assertStored(expected());
        Post answer = posts("ok-test").stream().filter(p -> p.externalId.endsWith("MTc2NDkzMjQwMDAwMA==")).findFirst().orElseThrow();
        Post question = posts("ok-test").stream().filter(p -> p.externalId.endsWith("MTc2NDkyODgwMDAwMA==")).findFirst().orElseThrow();
        assertEquals(question.id, answer.parentId);
        assertEquals("Наталья Кузнецова", question.authorName);
        assertNull(source("ok-test").cursor.get("anchor"), "a finished pass leaves no anchor");

        // a new topic on top: the next run stops at the last seen one
        newTopic.set(true);
        run("ok-test").body("outcome", equalTo("success")).body("counts.created", equalTo(1));

        // an expired session (102): unhealthy, alert; recovered by the next good run
        fault(okError(102, "PARAM_SESSION_EXPIRED : Session expired"));
        run("ok-test").body("outcome", equalTo("auth")).body("error", containsString("ошибка 102"));
        assertFalse(source("ok-test").healthy);
        String view = given().get("/api/sources/ok-test").then().extract().asString();
        assertFalse(view.contains("test-ok-token") || view.contains("test-ok-secret"), "secrets never leave the request");
        run("ok-test").body("outcome", equalTo("success"));
        assertTrue(source("ok-test").healthy);

        // LIMIT_REACHED (11): the application rests, the source stays healthy
        fault(okError(11, "LIMIT_REACHED : Limit reached"));
        run("ok-test").body("outcome", equalTo("paused"));
        Source paused = source("ok-test");
        assertTrue(paused.nextRunAt.isAfter(Instant.now().plus(Duration.ofMinutes(50))), "rests an hour: " + paused.nextRunAt);
        assertTrue(paused.healthy);
        run("ok-test").body("outcome", equalTo("paused")).body("error", containsString("пауз"));
        api.reset();

        // PERMISSION_DENIED (10) and NOT_FOUND (300): the group cannot be read — skipped with the reason
        for (int code : new int[] {10, 300}) {
            fault(okError(code, "denied"));
            run("ok-test").body("outcome", equalTo("skipped")).body("error", containsString("ошибка " + code));
            assertTrue(source("ok-test").lastError.contains("ошибка " + code));
        }

        // malformed JSON and an unknown error: transient, then recovered
        fault(FakePlatforms.json("{\"media_topics\": [ {\"id\": "));
        run("ok-test").body("outcome", equalTo("transient")).body("error", containsString("JSON"));
        fault(okError(4, "REQUEST : bad request"));
        run("ok-test").body("outcome", equalTo("transient")).body("error", containsString("ошибка 4"));

        // comments closed on the topic: that item is skipped, the rest stored
        commentsDenied.set(true);
        run("ok-test").body("outcome", equalTo("success"));
        assertTrue(source("ok-test").lastSkipped.toString().contains("ошибка 10"), source("ok-test").lastSkipped.toString());
        assertTrue(source("ok-test").healthy);

        assertStored(expected(GID + "_155320"));
    }

    @Test
    void invalidDefinitionsAreRefusedWithTheField() {
        createSource("""
                {"key":"ok-bad","kind":"ok-group","gid":"tula","comments":"yes"}
                """).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'gid'"))
                .body("detail", containsString("'comments'"));
    }
}
