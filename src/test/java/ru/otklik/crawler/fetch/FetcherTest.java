package ru.otklik.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FetcherTest {

    private MockWebServer server;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        fetcher = fetcher(Duration.ZERO, 1000);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Fetcher fetcher(Duration politeness, long maxBody) {
        return new Fetcher(new FetchSettings("OtklikTest/1", Duration.ofSeconds(1), Duration.ofMillis(300), maxBody,
                politeness, Optional.empty(), 3, new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), 0.2),
                Duration.ofSeconds(2)), Clock.systemUTC());
    }

    private String url() {
        return server.url("/feed").toString();
    }

    @Test
    void sendsUserAgentAndValidatorsAndReadsValidators() throws Exception {
        server.enqueue(new MockResponse.Builder().body("hello").setHeader("ETag", "\"v2\"")
                .setHeader("Last-Modified", "Sat, 03 Dec 2022 16:43:00 GMT").build());
        FetchResponse r = fetcher.fetch(FetchRequest.get(url()).conditional("\"v1\"", "Fri, 02 Dec 2022 00:00:00 GMT"));
        assertEquals("hello", r.text());
        assertEquals("\"v2\"", r.etag());
        assertEquals("Sat, 03 Dec 2022 16:43:00 GMT", r.lastModified());
        RecordedRequest req = server.takeRequest();
        assertEquals("OtklikTest/1", req.getHeaders().get("User-Agent"));
        assertEquals("\"v1\"", req.getHeaders().get("If-None-Match"));
        assertEquals("Fri, 02 Dec 2022 00:00:00 GMT", req.getHeaders().get("If-Modified-Since"));
    }

    @Test
    void notModifiedIsASuccessWithoutBody() throws Exception {
        server.enqueue(new MockResponse.Builder().code(304).build());
        FetchResponse r = fetcher.fetch(FetchRequest.get(url()).conditional("\"v1\"", null));
        assertTrue(r.notModified());
        assertEquals(0, r.body().length);
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws Exception {
        server.enqueue(new MockResponse.Builder().code(500).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        assertEquals("ok", fetcher.fetch(FetchRequest.get(url())).text());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        long start = System.nanoTime();
        assertEquals("ok", fetcher.fetch(FetchRequest.get(url())).text());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(950), "waited for Retry-After");
    }

    @Test
    void aRetryAfterLongerThanTheWaitLimitPostponesTheSource() {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3600").build());
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.get(url())));
        assertTrue(e.retryable());
        assertEquals(503, e.status());
        assertNotNull(e.retryAt());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void givesUpAfterMaxAttemptsAsRetryable() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(502).build());
        }
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.get(url())));
        assertTrue(e.retryable());
        assertNull(e.retryAt());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.get(url())));
        assertFalse(e.retryable());
        assertEquals(404, e.status());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void retriesReadTimeouts() throws Exception {
        server.enqueue(new MockResponse.Builder().body("late").headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        assertEquals("ok", fetcher.fetch(FetchRequest.get(url())).text());
    }

    @Test
    void retriesConnectionResets() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        assertEquals("ok", fetcher.fetch(FetchRequest.get(url())).text());
    }

    @Test
    void retriesTruncatedBodies() throws Exception {
        server.enqueue(new MockResponse.Builder().body("<rss>trunc").setHeader("Content-Length", "500")
                .onResponseEnd(new SocketEffect.CloseSocket(true, true, true)).build());
        server.enqueue(new MockResponse.Builder().body("<rss/>").build());
        assertEquals("<rss/>", fetcher.fetch(FetchRequest.get(url())).text());
    }

    @Test
    void refusesBodiesOverTheLimit() {
        server.enqueue(new MockResponse.Builder().body("x".repeat(1001)).build());
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.get(url())));
        assertFalse(e.retryable());
        // a chunked body without Content-Length is cut while reading
        server.enqueue(new MockResponse.Builder().chunkedBody("y".repeat(2000), 100).build());
        assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.get(url())));
    }

    @Test
    void stripsAByteOrderMark() throws Exception {
        server.enqueue(new MockResponse.Builder().body("\uFEFF{\"a\":1}").setHeader("Content-Type", "application/json; charset=utf-8").build());
        assertEquals("{\"a\":1}", fetcher.fetch(FetchRequest.get(url())).text());
        assertArrayEquals("{}".getBytes(), Bom.strip(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}));
    }

    @Test
    void spacesRequestsToOneHost() throws Exception {
        Fetcher polite = fetcher(Duration.ofMillis(200), 1000);
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().body("ok").build());
        }
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            polite.fetch(FetchRequest.get(url()));
        }
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(390), "two gaps of 200 ms");
    }

    @Test
    void backoffGrowsAndIsCapped() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 0.0);
        assertEquals(100, b.delay(1).toMillis());
        assertEquals(200, b.delay(2).toMillis());
        assertEquals(400, b.delay(3).toMillis());
        assertEquals(1000, b.delay(10).toMillis());
        Backoff jittered = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 0.5);
        long d = jittered.delay(1).toMillis();
        assertTrue(d >= 100 && d <= 150, "jitter within 50 %: " + d);
        assertEquals(Duration.ofSeconds(120), Backoff.retryAfter("120", java.time.Instant.now()));
        java.time.Instant now = java.time.Instant.parse("2024-01-01T00:00:00Z");
        assertEquals(Duration.ofSeconds(30), Backoff.retryAfter("Mon, 01 Jan 2024 00:00:30 GMT", now));
        assertNull(Backoff.retryAfter("soon", now));
    }

    @Test
    void redactsTokensInUrls() {
        String shown = Fetcher.redacted(okhttp3.HttpUrl.parse("https://api.vk.com/method/wall.get?access_token=secret&v=5.199"));
        assertTrue(shown.contains("access_token=***") && shown.contains("v=5.199"), shown);
        assertFalse(shown.contains("secret"), shown);
    }
}
