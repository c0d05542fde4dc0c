package ru.otklik.testing;

import static org.awaitility.Awaitility.await;
import static ru.otklik.security.TestCredentials.asAdmin;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;

/** Posts through the API, as a feeder does, for tests of what the analysis queue makes of them. */
public final class IngestedPosts {

    private IngestedPosts() {
    }

    /** One new post (external id {@code new}) of the source, published now, as the body of a request. */
    public static String item(String source, String text) {
        return """
                [{"source": "%s", "externalId": "new", "author": "u", "text": "%s", "publishedAt": "%s"}]"""
                .formatted(source, text, Instant.now());
    }

    /** Posts one item (a JSON array of one post) with the administrator's key and waits until it is analysed. */
    public static long analysed(TestDb db, String body) {
        long post = asAdmin().contentType(ContentType.JSON).body(body).post("/api/posts").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].postId");
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                "select count(*) from post where id = ? and analysis_state = 'done'", post) == 1);
        return post;
    }
}
