package ru.otklik.post;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import ru.otklik.testing.TestDb;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
// the flow under test, not access control (see ru.otklik.security.AccessMatrixTest)
@TestSecurity(user = "test-admin", roles = "admin")
class PostIngestResourceTest {

    @Inject
    TestDb db;

    private static String item(String source, String id, String text, String publishedAt) {
        return """
                {"source": "%s", "externalId": "%s", "url": "https://vk.com/wall-1_%s", "author": "id777",
                 "text": "%s", "publishedAt": "%s", "metrics": {"likes": 3, "views": 120}}"""
                .formatted(source, id, id, text, publishedAt);
    }

    @Test
    void storesEachPostOnceAndReportsPerItem() {
        String source = "feeder-" + UUID.randomUUID();
        String batch = "[" + item(source, "1", "Первый пост", "2026-11-20T10:00:00+03:00") + ","
                + item(source, "2", "Второй пост", "2026-11-20T11:00:00Z") + "]";
        given().contentType(ContentType.JSON).body(batch).post("/api/posts").then().statusCode(200)
                .body("created", equalTo(2))
                .body("items.status", contains("created", "created"));
        given().contentType(ContentType.JSON).body(batch).post("/api/posts").then().statusCode(200)
                .body("unchanged", equalTo(2))
                .body("items.status", contains("unchanged", "unchanged"));
        given().queryParam("source", source).get("/api/posts").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].externalId", equalTo("2"))
                .body("items[0].authorId", notNullValue())
                .body("items[0].metrics.views", equalTo(120))
                .body("next", nullValue());
    }

    @Test
    void aBatchOfAKnownAndANewSourceStoresBothAndARefusedItemCreatesNoSource() {
        String known = "feeder-" + UUID.randomUUID();
        String fresh = "feeder-" + UUID.randomUUID();
        String refusedOnly = "feeder-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("[" + item(known, "k1", "Первый пост", "2026-11-20T10:00:00Z") + "]")
                .post("/api/posts").then().statusCode(200).body("created", equalTo(1));
        // the known source is found by the first lookup, the new one created and then found
        given().contentType(ContentType.JSON).body("[" + item(known, "k2", "Второй пост", "2026-11-20T11:00:00Z") + ","
                        + item(fresh, "f1", "Пост нового источника", "2026-11-20T11:00:00Z") + ","
                        + item(refusedOnly, " ", "Пост без идентификатора", "2026-11-20T11:00:00Z") + "]")
                .post("/api/posts").then().statusCode(200)
                .body("items.status", contains("created", "created", "rejected"))
                .body("items[2].reason", containsString("externalId"));
        assertThat(db.count("select count(*) from post p join source s on s.id = p.source_id where s.key = ?", known))
                .isEqualTo(2);
        assertThat(db.count("select count(*) from post p join source s on s.id = p.source_id "
                + "where s.key = ? and s.kind = 'api'", fresh)).isEqualTo(1);
        assertThat(db.count("select count(*) from source where key = ?", refusedOnly)).isZero();
    }

    @Test
    void anEditKeepsThePreviousTextAsAVersion() {
        String source = "feeder-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("[" + item(source, "7", "Было", "2026-11-20T10:00:00Z") + "]")
                .post("/api/posts").then().body("items[0].status", equalTo("created"));
        long id = given().contentType(ContentType.JSON)
                .body("[" + item(source, "7", "Стало", "2026-11-20T10:00:00Z") + "]")
                .post("/api/posts").then().body("items[0].status", equalTo("updated"))
                .extract().jsonPath().getLong("items[0].postId");
        given().get("/api/posts/" + id).then().body("text", equalTo("Стало")).body("version", equalTo(2));
        assertThat(db.rows("select version, text from post_version where post_id = ?", id))
                .containsExactly(java.util.Map.of("version", 1, "text", "Было"));
    }

    @Test
    void aBatchMeetsItsOwnEarlierItemsAsIfTheyCameOneByOne() {
        String source = "feeder-" + UUID.randomUUID();
        String comment = item(source, "c1", "Комментарий", "2026-11-20T10:05:00Z")
                .replace("\"metrics\"", "\"parentExternalId\": \"p1\", \"metrics\"");
        String batch = "[" + comment + "," + item(source, "p1", "Пост", "2026-11-20T10:00:00Z") + ","
                + item(source, "x", "Первая редакция", "2026-11-20T10:00:00Z") + ","
                + item(source, "x", "Вторая редакция", "2026-11-20T10:00:00Z") + ","
                + item(source, "x", "Вторая редакция", "2026-11-20T10:00:00Z") + "]";
        var answer = given().contentType(ContentType.JSON).body(batch).post("/api/posts").then().statusCode(200)
                .body("items.status", contains("created", "created", "created", "updated", "unchanged"))
                .extract().jsonPath();
        long commentId = answer.getLong("items[0].postId");
        long parentId = answer.getLong("items[1].postId");
        long edited = answer.getLong("items[2].postId");
        assertThat(answer.getLong("items[3].postId")).isEqualTo(edited);
        // the comment came before its parent in the batch and still points at it
        assertThat(db.count("select parent_id from post where id = ?", commentId)).isEqualTo(parentId);
        assertThat(db.rows("select version, text from post_version where post_id = ?", edited))
                .containsExactly(java.util.Map.of("version", 1, "text", "Первая редакция"));
        given().get("/api/posts/" + edited).then().body("text", equalTo("Вторая редакция")).body("version", equalTo(2));
    }

    @Test
    void aBadItemIsRejectedAloneAndTheRestStored() {
        String source = "feeder-" + UUID.randomUUID();
        String batch = "[" + item(source, "1", "Хороший пост", "2026-11-20T10:00:00Z") + ","
                + item(source, "2", "Плохая дата", "вчера") + ","
                + "{\"source\": \"" + source + "\", \"externalId\": \"3\", \"publishedAt\": \"2026-11-20T10:00:00Z\"},"
                + "42]";
        given().contentType(ContentType.JSON).body(batch).post("/api/posts").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(3))
                .body("items.status", contains("created", "rejected", "rejected", "rejected"))
                .body("items[1].reason", containsString("publishedAt"))
                .body("items[2].reason", containsString("text"));
    }

    @Test
    void aBodyThatIsNotJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("[{not json").post("/api/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", notNullValue());
        given().contentType(ContentType.JSON).body("{\"a\": 1}").post("/api/posts").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("массив"));
    }

    @Test
    void unknownPostAndBadCursorAreProblems() {
        given().get("/api/posts/999999999").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("after", "garbage!").get("/api/posts").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("limit", 500).get("/api/posts").then().statusCode(400);
    }

    private static String withField(String source, String id, String field, String rawJson) {
        return "{\"source\": \"" + source + "\", \"externalId\": \"" + id + "\", \"text\": \"Текст\", "
                + "\"publishedAt\": \"2026-11-20T10:00:00Z\", \"" + field + "\": " + rawJson + "}";
    }

    /** Sends the items after one good item; asserts the good one is stored and each bad one refused alone. */
    private void refusedAlone(String source, List<String> badItems, String... reasons) {
        String batch = "[" + item(source, "good", "Хороший пост", "2026-11-20T10:00:00Z") + "," + String.join(",", badItems) + "]";
        var report = given().contentType(ContentType.JSON).body(batch).post("/api/posts").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(badItems.size()))
                .extract().jsonPath();
        for (int i = 0; i < reasons.length; i++) {
            assertThat(report.getString("items[" + (i + 1) + "].status")).isEqualTo("rejected");
            assertThat(report.getString("items[" + (i + 1) + "].reason")).as("item " + (i + 1)).contains(reasons[i]);
        }
        assertThat(db.count("select count(*) from post p join source s on s.id = p.source_id where s.key = ?", source))
                .isEqualTo(1);
    }

    @Test
    void thePoisonDateAndDatesOutOfRangeAreRefusedWithTheirReason() {
        String source = "feeder-" + UUID.randomUUID();
        java.time.Instant now = java.time.Instant.now();
        refusedAlone(source, List.of(
                        item(source, "p1", "Ядовитый пост", "-999999999-01-01T00:00:00Z"),
                        item(source, "p2", "Десятитысячный год", "+10000-01-01T00:00:00Z"),
                        item(source, "p3", "Прошлый век", "1999-12-31T23:59:59Z"),
                        item(source, "p4", "Послезавтра", now.plus(java.time.Duration.ofHours(49)).toString())),
                "publishedAt раньше 2000-01-01", "publishedAt", "publishedAt раньше 2000-01-01", "publishedAt позже");
        // within a day ahead (clock skew) is still a post
        given().contentType(ContentType.JSON).body("[" + item(source, "p5", "Чуть вперёд",
                        now.plus(java.time.Duration.ofHours(3)).toString()) + "]")
                .post("/api/posts").then().statusCode(200).body("items[0].status", equalTo("created"));
        assertThat(db.count("select count(*) from post where published_at in ('infinity', '-infinity')")).isZero();
    }

    @Test
    void metricsMustBeNonNegative64BitIntegers() {
        String source = "feeder-" + UUID.randomUUID();
        refusedAlone(source, List.of(
                        withField(source, "m1", "metrics", "{\"likes\": 1000000000000000000000000000000}"),
                        withField(source, "m2", "metrics", "{\"views\": \"120\"}"),
                        withField(source, "m3", "metrics", "{\"reposts\": [1]}"),
                        withField(source, "m4", "metrics", "{\"comments\": -1}"),
                        withField(source, "m5", "metrics", "{\"likes\": 1.5}"),
                        withField(source, "m6", "metrics", "\"много\""),
                        withField(source, "m7", "metrics", "{\"views\": 9223372036854775808}")),
                "metrics.likes", "metrics.views", "metrics.reposts", "metrics.comments", "metrics.likes", "metrics",
                "metrics.views");
        given().contentType(ContentType.JSON).body("[" + withField(source, "m8", "metrics", "{\"views\": 9223372036854775807}") + "]")
                .post("/api/posts").then().statusCode(200).body("items[0].status", equalTo("created"));
    }

    @Test
    void nulBytesOversizedValuesAndWrongTypesAreRefusedItemByItem() {
        String source = "feeder-" + UUID.randomUUID();
        String megabyte = "x".repeat(1 << 20);
        refusedAlone(source, List.of(
                        item(source, "n1", "Текст с \\u0000 внутри", "2026-11-20T10:00:00Z"),
                        item(source, "n2\\u0000", "Идентификатор с NUL", "2026-11-20T10:00:00Z"),
                        withField(source, "n3", "extra", "{\"deep\": [\"a\\u0000b\"]}"),
                        item(source, megabyte, "Мегабайтный идентификатор", "2026-11-20T10:00:00Z"),
                        withField(source, "n5", "parentExternalId", "\"" + megabyte + "\""),
                        withField(source, "n6", "externalId", "[]").replace("\"externalId\": \"n6\", ", ""),
                        withField(source, "n7", "externalId", "{}").replace("\"externalId\": \"n7\", ", ""),
                        item(source, "n8", megabyte, "2026-11-20T10:00:00Z")),
                "NUL", "NUL", "extra.deep[0] содержит недопустимый символ NUL", "externalId длиннее 500",
                "parentExternalId длиннее 500", "externalId должно быть строкой", "externalId должно быть строкой",
                "text длиннее 100000");
        // a 1 MB source key is refused alone too, and creates no source
        String hugeSource = "s".repeat(1 << 20);
        given().contentType(ContentType.JSON).body("[" + item(hugeSource, "h1", "Пост", "2026-11-20T10:00:00Z") + "]")
                .post("/api/posts").then().statusCode(200)
                .body("items[0].status", equalTo("rejected")).body("items[0].reason", containsString("source длиннее 200"));
        given().contentType(ContentType.JSON).body("[" + item("a\\u0000b", "h2", "Пост", "2026-11-20T10:00:00Z") + "]")
                .post("/api/posts").then().statusCode(200)
                .body("items[0].status", equalTo("rejected")).body("items[0].reason", containsString("NUL"));
    }

    @Test
    void nulBytesInTheQueryOrPathAreABadRequest() {
        given().urlEncodingEnabled(false).get("/api/posts?source=a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("NUL"));
        given().urlEncodingEnabled(false).get("/api/posts?analysisState=%00").then().statusCode(400)
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/api/posts?limit=abc").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("abc"));
        given().urlEncodingEnabled(false).get("/api/posts?limit=99999999999999999999").then().statusCode(400)
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/api/posts?since=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
