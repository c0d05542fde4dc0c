package ru.otklik.crawler.rss;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.otklik.crawler.CrawlTestSupport.createSource;
import static ru.otklik.crawler.CrawlTestSupport.posts;
import static ru.otklik.crawler.CrawlTestSupport.run;
import static ru.otklik.crawler.CrawlTestSupport.source;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.otklik.crawler.Fixtures;
import ru.otklik.post.Post;
import ru.otklik.source.Source;

/** The RSS path end to end: a recorded real feed served locally, crawled, stored exactly once, faults survived. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class RssCrawlTest {

    private static final byte[] LENTA = Fixtures.bytes("rss/lenta.xml");
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MockResponse feed(String etag) {
        return new MockResponse.Builder().body(new Buffer().write(LENTA)).setHeader("ETag", etag)
                .setHeader("Content-Type", "application/rss+xml; charset=utf-8").build();
    }

    private void define(String key) {
        createSource("""
                {"key": "%s", "kind": "rss", "title": "Лента", "url": "%s", "interval": "15m"}
                """.formatted(key, server.url("/rss/news"))).statusCode(201);
    }

    @Test
    void storesEachItemOnceAndHonoursEtag() throws Exception {
        define("rss-lenta");
        server.enqueue(feed("\"v1\""));
        run("rss-lenta").body("outcome", equalTo("success")).body("counts.created", equalTo(198));
        assertEquals(198, posts("rss-lenta").size());

        server.enqueue(new MockResponse.Builder().code(304).build());
        run("rss-lenta").body("outcome", equalTo("success")).body("counts.created", equalTo(0));
        server.takeRequest();
        RecordedRequest conditional = server.takeRequest();
        assertEquals("\"v1\"", conditional.getHeaders().get("If-None-Match"));

        // a server without validators sends the whole feed again: still nothing twice
        server.enqueue(feed("\"v2\""));
        run("rss-lenta").body("counts.created", equalTo(0)).body("counts.unchanged", equalTo(200));
        List<Post> stored = posts("rss-lenta");
        assertEquals(198, stored.size());
        Post freedman = stored.stream().filter(p -> p.externalId.equals("https://lenta.ru/news/2022/12/03/freedman/")).findFirst().orElseThrow();
        assertEquals("Стало известно о задержании бизнесмена Михаила Фридмана в Лондоне", freedman.title);
        assertNotNull(freedman.authorPseudonym);
        Source s = source("rss-lenta");
        assertEquals("\"v2\"", s.etag);
        assertTrue(s.healthy);
        assertNotNull(s.lastSuccessAt);
        assertNotNull(s.nextRunAt);
    }

    @Test
    void recoversFromEveryFaultWithExactlyTheExpectedPosts() {
        define("rss-faults");
        // five runs that fail in different ways, each exhausting the retries, then a good one
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(500).build());
        }
        run("rss-faults").body("outcome", equalTo("transient")).body("error", containsString("HTTP 500"));
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
        }
        run("rss-faults").body("outcome", equalTo("transient"));
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().body("late").headersDelay(3, TimeUnit.SECONDS).build());
        }
        run("rss-faults").body("outcome", equalTo("transient"));
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(java.util.Arrays.copyOf(LENTA, LENTA.length / 2))).build());
        run("rss-faults").body("outcome", equalTo("transient")).body("error", containsString("RSS/Atom"));
        Source failing = source("rss-faults");
        assertFalse(failing.healthy, "unhealthy after repeated failures");
        assertEquals(4, failing.consecutiveFailures);
        assertEquals(0, posts("rss-faults").size());

        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
        server.enqueue(feed("\"v1\""));
        run("rss-faults").body("outcome", equalTo("success")).body("counts.created", equalTo(198));
        Source recovered = source("rss-faults");
        assertTrue(recovered.healthy);
        assertEquals(0, recovered.consecutiveFailures);
        assertEquals(198, posts("rss-faults").size());
    }
}
