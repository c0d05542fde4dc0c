package ru.otklik.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.testing.TestDb;

@QuarkusTest
class PersonalDataTest {

    @Inject
    TestDb db;

    @Inject
    AuthorRetentionJob retention;

    private long post(String source, String externalId, String author) {
        String body = """
                [{"source": "%s", "externalId": "%s", "author": "%s", "authorName": "Иван Петров",
                  "text": "Обычный пост жителя", "publishedAt": "2026-11-20T10:00:00Z"}]"""
                .formatted(source, externalId, author);
        return TestCredentials.asAdmin().contentType(ContentType.JSON).body(body).post("/api/posts").then()
                .statusCode(200).extract().jsonPath().getLong("items[0].postId");
    }

    @Test
    void authorIdentitiesAreShownToAnalystsAndAdminsOnly() {
        long id = post("pd-" + UUID.randomUUID(), "1", "id4242");
        String analyst = TestCredentials.user(Roles.ANALYST, null);
        String press = TestCredentials.user(Roles.PRESS, null);
        TestCredentials.as(analyst).get("/api/posts/" + id).then().statusCode(200)
                .body("author.handle", equalTo("id4242")).body("authorId", notNullValue());
        TestCredentials.asAdmin().get("/api/posts/" + id).then().body("author.handle", equalTo("id4242"));
        TestCredentials.as(press).get("/api/posts/" + id).then().statusCode(200)
                .body("$", not(hasKey("author"))).body("authorId", notNullValue());
        String feeds = TestCredentials.key(null, Roles.FEEDS_READ);
        TestCredentials.withKey(feeds).get("/api/posts/" + id).then().statusCode(200).body("$", not(hasKey("author")));
    }

    @Test
    void theRetentionJobRemovesOldAuthorIdentitiesAndKeepsPseudonyms() {
        String source = "pd-" + UUID.randomUUID();
        long old = post(source, "old", "id1001");
        long recent = post(source, "new", "id1002");
        db.update("update post set created_at = now() - interval '181 days' where id = ?", old);

        int cleared = retention.purge().await().atMost(Duration.ofSeconds(30));

        assertThat(cleared).isGreaterThanOrEqualTo(1);
        Map<String, Object> gone = db.rows("select author_handle, author_name, raw, author_pseudonym from post where id = ?", old).get(0);
        assertThat(gone.get("author_handle")).isNull();
        assertThat(gone.get("author_name")).isNull();
        assertThat(gone.get("raw")).isNull();
        assertThat(gone.get("author_pseudonym")).isNotNull();
        assertThat(db.rows("select author_handle from post where id = ?", recent).get(0).get("author_handle"))
                .isEqualTo("id1002");
        TestCredentials.asAdmin().get("/api/posts/" + old).then().body("$", not(hasKey("author")))
                .body("authorId", equalTo(gone.get("author_pseudonym")));
    }
}
