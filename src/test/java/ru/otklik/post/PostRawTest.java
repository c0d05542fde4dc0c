package ru.otklik.post;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.testing.TestDb;

/**
 * A post's raw payload is stored without the text its row keeps already (V74) and read back whole: what the post's
 * readers ({@link Post#raw}: audit, re-parsing) get is the item as it was sent, for rows of either form.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class PostRawTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestDb db;

    @Test
    void aFeedersItemIsStoredWithoutItsTextAndReadBackAsSent() throws Throwable {
        String source = "feeder-" + UUID.randomUUID();
        String plain = """
                {"source": "%s", "externalId": "1", "text": "Во дворе \\"Ромашки\\" не вывозят мусор\\nуже неделю",
                 "publishedAt": "2026-11-20T10:00:00+03:00", "author": "id777", "metrics": {"likes": 3},
                 "extra": {"text": "не тот текст", "tags": ["двор", 1, null, true]}}""".formatted(source);
        // a number given as the text is stored as the string "12345": the payload keeps its own form whole
        String numeric = """
                {"source": "%s", "externalId": 2, "text": 12345, "publishedAt": "2026-11-20T11:00:00Z"}"""
                .formatted(source);
        List<Long> ids = given().contentType(ContentType.JSON).body("[" + plain + "," + numeric + "]")
                .post("/api/posts").then().statusCode(200).body("items.status", contains("created", "created"))
                .extract().jsonPath().getList("items.postId", Long.class);

        assertThat(stored(ids.get(0))).containsEntry("raw_without_text", true).containsEntry("has_text", false);
        assertThat(stored(ids.get(1))).containsEntry("raw_without_text", false).containsEntry("has_text", true);
        assertThat(rawOf(ids.get(0))).isEqualTo(JSON.readTree(plain));
        assertThat(rawOf(ids.get(1))).isEqualTo(JSON.readTree(numeric));
    }

    @Test
    void anEditStoresTheNewPayloadAndReadsItBackWithTheNewText() throws Throwable {
        String source = "feeder-" + UUID.randomUUID();
        String before = """
                {"source": "%s", "externalId": "e", "text": "Было", "publishedAt": "2026-11-20T10:00:00Z"}"""
                .formatted(source);
        String after = before.replace("Было", "Стало");
        long id = given().contentType(ContentType.JSON).body("[" + before + "]").post("/api/posts").then()
                .statusCode(200).extract().jsonPath().getLong("items[0].postId");
        given().contentType(ContentType.JSON).body("[" + after + "]").post("/api/posts").then().statusCode(200)
                .body("items.status", contains("updated"));

        assertThat(stored(id)).containsEntry("raw_without_text", true).containsEntry("has_text", false);
        assertThat(rawOf(id)).isEqualTo(JSON.readTree(after));
    }

    @Test
    void aRowStoredBeforeKeepsItsWholePayload() throws Throwable {
        long id = db.analysedPost("feeder-" + UUID.randomUUID(), "Старый пост");
        String payload = """
                {"text": "Старый пост", "owner_id": -1, "attachments": [{"type": "photo"}]}""";
        db.update("update post set raw = ?::jsonb where id = ?", payload, id);

        assertThat(stored(id)).containsEntry("raw_without_text", false).containsEntry("has_text", true);
        assertThat(rawOf(id)).isEqualTo(JSON.readTree(payload));
    }

    private Map<String, Object> stored(long id) {
        return db.rows("select raw_without_text, (raw -> 'text') is not null as has_text from post where id = ?", id).get(0);
    }

    private static JsonNode rawOf(long id) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Post.<Post>findById(id)))
                .raw;
    }
}
