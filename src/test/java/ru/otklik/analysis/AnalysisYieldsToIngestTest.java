package ru.otklik.analysis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.post.IngestActivity;
import ru.otklik.testing.TestDb;

/**
 * The analysis queue lets this node's ingest go first (otklik.ingest.background-wait, 10 s in tests): a post
 * stays queued while another ingest batch is in flight, and is analysed once that batch ends.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class AnalysisYieldsToIngestTest {

    @Inject
    TestDb db;

    @Inject
    IngestActivity ingest;

    @Inject
    AnalysisWorker worker;

    @Test
    void aQueuedPostWaitsForTheIngestInFlightThenIsAnalysed() throws InterruptedException {
        await().atMost(Duration.ofMinutes(1)).until(() -> db.count("select count(*) from post where analysis_state = 'pending'") == 0);
        // a batch that never ends on its own, as a feeder's slow batch would be
        Cancellable inFlight = ingest.tracked(Uni.createFrom().nothing()).subscribe().with(ignored -> { });
        try {
            // a round that claimed before the batch began has time to end
            Thread.sleep(500);
            String source = "yield-" + UUID.randomUUID();
            given().contentType(ContentType.JSON).body("""
                    [{"source": "%s", "externalId": "1", "text": "Во дворе дома 5 третий день не вывозят мусор",
                      "publishedAt": "2026-11-20T10:00:00Z"}]""".formatted(source))
                    .post("/api/posts").then().statusCode(200).body("created", equalTo(1));
            for (int i = 0; i < 5; i++) {
                worker.wake();
                Thread.sleep(200);
            }
            assertThat(state(source)).as("the queue waits while a batch is in flight").isEqualTo("pending");

            inFlight.cancel();
            worker.wake();
            await().atMost(Duration.ofMinutes(1)).until(() -> "done".equals(state(source)));
        } finally {
            inFlight.cancel();
        }
    }

    private String state(String source) {
        return (String) db.rows("select p.analysis_state from post p join source s on s.id = p.source_id where s.key = ?",
                source).get(0).get("analysis_state");
    }
}
