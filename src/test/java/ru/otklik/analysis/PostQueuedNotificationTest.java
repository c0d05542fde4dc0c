package ru.otklik.analysis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.otklik.alert.DatabaseNotifications;
import ru.otklik.testing.TestDb;

/**
 * A post queued for analysis wakes the analysis worker through LISTEN otklik_post (V63): an insert notifies once per
 * statement from the rows it inserted (V74), an edit that moves a post's version from its row trigger.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class PostQueuedNotificationTest {

    @Inject
    TestDb db;

    @Inject
    DatabaseNotifications notifications;

    @Test
    void aBatchOfNewPostsAndAnEditBothWakeTheListener() {
        AtomicInteger received = new AtomicInteger();
        Cancellable listening = notifications.channel(DatabaseNotifications.POST_QUEUED).subscribe()
                .with(payload -> received.incrementAndGet());
        try {
            String source = "notify-" + UUID.randomUUID();
            long stored = db.analysedPost(source, "Пост, который уже разобран");
            // the listener's connection may still be opening at the first tries: each try inserts another statement
            AtomicInteger tries = new AtomicInteger();
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                insertQueued(source, "batch-" + tries.incrementAndGet());
                return received.get() > 0;
            });

            int before = received.get();
            db.update("update post set version = version + 1, analysis_state = 'pending' where id = ?", stored);
            await().atMost(Duration.ofMinutes(1)).until(() -> received.get() > before);
        } finally {
            listening.cancel();
        }
    }

    @Test
    void theInsertTriggerRunsOncePerStatementAndTheEditTriggerPerRow() {
        // pg_trigger.tgtype bit 0 is "for each row"
        assertThat(db.rows("select tgname, (tgtype & 1) = 1 as per_row from pg_trigger "
                + "where tgrelid = 'post'::regclass and tgname in ('post_queued_notify', 'post_edited_notify') "
                + "order by tgname")).containsExactly(
                java.util.Map.of("tgname", "post_edited_notify", "per_row", true),
                java.util.Map.of("tgname", "post_queued_notify", "per_row", false));
    }

    /** Three posts of the source through {@code POST /api/posts}: the upsert inserts them in one statement. */
    private static void insertQueued(String source, String prefix) {
        String items = IntStream.rangeClosed(1, 3).mapToObj(i -> """
                {"source": "%s", "externalId": "%s-%d", "text": "Во дворе дома %d не вывозят мусор",
                 "publishedAt": "2026-11-20T10:00:00Z"}""".formatted(source, prefix, i, i))
                .collect(Collectors.joining(",", "[", "]"));
        given().contentType(ContentType.JSON).body(items).post("/api/posts").then().statusCode(200)
                .body("created", equalTo(3));
    }
}
