package ru.otklik.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.otklik.security.TestCredentials.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import ru.otklik.alert.AlertFixtures;
import ru.otklik.testing.TestDb;

@QuarkusTest
class WebhookDeliveryTest {

    /** What the receiver saw: the request and the status it answered. */
    record Received(String id, long timestamp, String signature, String body, int status) {
    }

    @Inject
    TestDb db;

    /** A receiver that answers 500 to its first {@code failures} requests, then 200. */
    private static MockWebServer receiver(int failures, List<Received> log) throws Exception {
        AtomicInteger left = new AtomicInteger(failures);
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                int status = left.getAndDecrement() > 0 ? 500 : 200;
                log.add(new Received(r.getHeaders().get("webhook-id"),
                        Long.parseLong(r.getHeaders().get("webhook-timestamp")), r.getHeaders().get("webhook-signature"),
                        r.getBody() == null ? "" : r.getBody().utf8(), status));
                return new MockResponse.Builder().code(status).build();
            }
        });
        server.start();
        return server;
    }

    private static JsonPath register(MockWebServer server) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("url", server.url("/hooks/otklik").toString(), "description", "тестовый получатель"))
                .post("/api/admin/webhooks").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsEveryAlertExactlyOnceAndSigned() throws Exception {
        List<Received> log = Collections.synchronizedList(new ArrayList<>());
        try (MockWebServer server = receiver(5, log)) {
            JsonPath hook = register(server);
            long hookId = hook.getLong("id");
            try {
                exactlyOnce(log, hookId, hook.getString("secret"));
            } finally {
                asAdmin().delete("/api/admin/webhooks/" + hookId).then().statusCode(200);
            }
        }
    }

    private void exactlyOnce(List<Received> log, long hookId, String secret) throws Exception {
        assertThat(secret).startsWith("whsec_");

        String source = "press-" + UUID.randomUUID();
        List<Long> posts = List.of(AlertFixtures.widelySeenPost(source, "1", 50_000),
                AlertFixtures.widelySeenPost(source, "2", 60_000),
                AlertFixtures.widelySeenPost(source, "3", 70_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from alert where post_id = any(?)", (Object) posts.toArray(Long[]::new)) == 3);
        List<String> messageIds = db.rows("select message_id from alert where post_id = any(?)",
                (Object) posts.toArray(Long[]::new)).stream().map(r -> (String) r.get("message_id")).toList();

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(log).keySet().containsAll(messageIds));
        Thread.sleep(1500); // several dispatcher rounds: nothing may be sent again

        Map<String, Long> delivered = delivered(log);
        for (String id : messageIds) {
            assertThat(delivered.get(id)).as("2xx deliveries of %s", id).isEqualTo(1);
        }
        synchronized (log) {
            assertThat(log).filteredOn(r -> r.status() == 500).hasSizeGreaterThanOrEqualTo(5);
            for (Received r : log) {
                assertThat(StandardWebhooks.verify(secret, r.id(), r.timestamp(), r.body(), r.signature()))
                        .as("signature of %s", r.id()).isTrue();
                assertThat(JsonPath.from(r.body()).getString("type")).isEqualTo("alert.raised");
            }
        }
        assertThat(db.count("select count(*) from outbox o join alert a on a.id = o.alert_id "
                + "where o.webhook_id = ? and a.post_id = any(?) and o.state = 'delivered'", hookId,
                posts.toArray(Long[]::new))).isEqualTo(3);

        JsonPath deliveries = asAdmin().get("/api/admin/webhooks/" + hookId + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
        assertThat(deliveries.getList("outcome", String.class)).contains("retry", "delivered");
        assertThat(deliveries.getList("findAll { it.outcome == 'delivered' }.alertId")).hasSize(3);
    }

    @Test
    void aDeliveryClaimedByANodeThatDiedIsSentAgain() throws Exception {
        List<Received> log = Collections.synchronizedList(new ArrayList<>());
        try (MockWebServer server = receiver(0, log)) {
            long hookId = register(server).getLong("id");
            try {
                resentAfterCrash(log, hookId);
            } finally {
                asAdmin().delete("/api/admin/webhooks/" + hookId).then().statusCode(200);
            }
        }
    }

    private void resentAfterCrash(List<Received> log, long hookId) {
        long post = AlertFixtures.widelySeenPost("press-" + UUID.randomUUID(), "1", 80_000);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from outbox o join alert a on a.id = o.alert_id where o.webhook_id = ? "
                        + "and a.post_id = ? and o.state = 'delivered'", hookId, post) == 1);
        // the same row as a crashed node would leave it: claimed long ago, never recorded
        db.update("update outbox set state = 'delivering', claimed_at = now() - interval '1 hour' "
                + "where webhook_id = ?", hookId);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from outbox where webhook_id = ? and state = 'delivered'", hookId) == 1);
        assertThat(log).hasSize(2);
        assertThat(log.get(0).id()).isEqualTo(log.get(1).id());
    }

    private static Map<String, Long> delivered(List<Received> log) {
        synchronized (log) {
            return log.stream().filter(r -> r.status() == 200)
                    .collect(Collectors.groupingBy(Received::id, Collectors.counting()));
        }
    }
}
