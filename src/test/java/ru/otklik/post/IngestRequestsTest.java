package ru.otklik.post;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/posts} counts as ingest in flight from its first bytes, before its body has arrived, until its
 * answer: the analysis queue must not claim a batch while a feeder's next batch is still being uploaded.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class IngestRequestsTest {

    @Inject
    IngestActivity ingest;

    @TestHTTPResource("/api/posts")
    URI posts;

    @Test
    void aBatchCountsFromItsFirstBytesToItsAnswer() throws Exception {
        assertThat(idleNow()).as("no ingest before the request").isTrue();
        byte[] head = ("[{\"source\": \"counted-" + UUID.randomUUID() + "\", \"externalId\": \"1\", ").getBytes(UTF_8);
        byte[] tail = "\"text\": \"Во дворе дома 3 не горят фонари\", \"publishedAt\": \"2026-11-20T10:00:00Z\"}]"
                .getBytes(UTF_8);
        try (Socket socket = new Socket(posts.getHost(), posts.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + posts.getPath() + " HTTP/1.1\r\nHost: " + posts.getHost() + ":" + posts.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (head.length + tail.length)
                    + "\r\nConnection: close\r\n\r\n").getBytes(UTF_8));
            out.write(head);
            out.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> !idleNow());

            out.write(tail);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"created\":1");
        }
        await().atMost(Duration.ofSeconds(30)).until(this::idleNow);
    }

    /** Whether the background's wait for the ingest ends at once. */
    private boolean idleNow() {
        return ingest.pause().subscribeAsCompletionStage().isDone();
    }
}
