package ru.otklik.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ru.otklik.security.Roles;
import ru.otklik.security.TestCredentials;
import ru.otklik.testing.TestDb;

@QuarkusTest
class AlertStreamTest {

    @TestHTTPResource("/api/alerts/stream")
    URI stream;

    @Inject
    TestDb db;

    /** An open SSE connection whose lines a reader thread puts in a queue. */
    record Connection(int status, InputStream body, BlockingQueue<String> lines) implements AutoCloseable {

        /** The JSON data of the next {@code alert} event. */
        String nextAlert(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean inAlert = false;
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                if (line.startsWith("event:")) {
                    inAlert = line.substring(6).strip().equals("alert");
                } else if (inAlert && line.startsWith("data:")) {
                    return line.substring(5).strip();
                }
            }
            throw new AssertionError("no alert event within " + timeout);
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    private Connection open(String user, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestCredentials.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return new Connection(response.statusCode(), response.body(), lines);
    }

    @Test
    void thePressServiceReceivesALiveAlertThenAcknowledgesIt() throws Exception {
        String press = TestCredentials.user(Roles.PRESS, null);
        long post;
        JsonPath alert;
        try (Connection sse = open(press, null)) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.lines().poll(10, TimeUnit.SECONDS)).as("the opening comment").startsWith(":");
            post = AlertFixtures.widelySeenPost("sse-" + UUID.randomUUID(), "1", 40_000);
            alert = JsonPath.from(sse.nextAlert(Duration.ofSeconds(30)));
        }
        assertThat(alert.getLong("postId")).isEqualTo(post);
        assertThat(alert.getString("kind")).isEqualTo("reach");
        assertThat(alert.getString("title")).startsWith("Пост набрал охват");
        assertThat(alert.getString("excerpt")).contains("Фестиваль");
        assertThat(alert.getMap("")).doesNotContainKeys("author", "authorHandle");
        long id = alert.getLong("id");

        TestCredentials.as(press).get("/api/alerts?acknowledged=false&kind=reach").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.postId", equalTo((int) post));
        TestCredentials.as(press).post("/api/alerts/" + id + "/ack").then().statusCode(200)
                .body("acknowledgedBy", equalTo(press)).body("acknowledgedAt", notNullValue());
        TestCredentials.asAdmin().post("/api/alerts/" + id + "/ack").then().statusCode(200)
                .body("acknowledgedBy", equalTo(press));
        TestCredentials.as(press).get("/api/alerts?acknowledged=true").then()
                .body("items.find { it.id == " + id + " }.acknowledgedBy", equalTo(press));
        TestCredentials.as(press).post("/api/alerts/987654321/ack").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aClientReconnectingWithLastEventIdGetsWhatItMissed() throws Exception {
        long post = AlertFixtures.widelySeenPost("sse-" + UUID.randomUUID(), "1", 45_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from alert where post_id = ?", post) == 1);
        long id = db.count("select id from alert where post_id = ?", post);
        String analyst = TestCredentials.user(Roles.ANALYST, null);
        try (Connection sse = open(analyst, Long.toString(id - 1))) {
            assertThat(JsonPath.from(sse.nextAlert(Duration.ofSeconds(10))).getLong("id")).isEqualTo(id);
        }
    }
}
