package ru.otklik.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.testing.TestDb;

@QuarkusTest
class AgencyScopeTest {

    @Inject
    TestDb db;

    private static String complaint(String source, String id, String text) {
        return """
                {"source": "%s", "externalId": "%s", "author": "id%s", "text": "%s",
                 "publishedAt": "2026-11-20T10:00:00Z"}""".formatted(source, id, id, text);
    }

    @Test
    void anAgencyUserSeesOnlyItsAgencysIncidentsAndTheirPosts() {
        String source = "agency-" + UUID.randomUUID();
        List<Integer> posts = TestCredentials.asAdmin().contentType(ContentType.JSON).body("[" + complaint(source, "1",
                        "В Новомосковске на улице Комсомольской огромные ямы, дорогу не ремонтируют") + ","
                        + complaint(source, "2", "В Алексине не вывозят мусор, контейнерная площадка переполнена") + "]")
                .post("/api/posts").then().statusCode(200).extract().jsonPath().getList("items.postId", Integer.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from incident_post where post_id in (?, ?)", posts.get(0), posts.get(1)) == 2);
        long own = db.count("select incident_id from incident_post where post_id = ?", posts.get(0));
        long other = db.count("select incident_id from incident_post where post_id = ?", posts.get(1));
        assertThat(db.rows("select agency_code from incident where id = ?", other).get(0).get("agency_code"))
                .isNotEqualTo("adm-novomoskovsk");

        String staff = TestCredentials.user(Roles.AGENCY, "adm-novomoskovsk");
        List<String> agencies = TestCredentials.as(staff).queryParam("limit", 200).get("/api/incidents").then()
                .statusCode(200).extract().jsonPath().getList("items.agency", String.class);
        assertThat(agencies).isNotEmpty().containsOnly("adm-novomoskovsk");
        // asking for another agency does not widen the view
        assertThat(TestCredentials.as(staff).queryParam("agency", "adm-aleksin").get("/api/incidents").then()
                .statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        TestCredentials.as(staff).get("/api/incidents/" + own).then().statusCode(200);
        TestCredentials.as(staff).get("/api/incidents/" + other).then().statusCode(404);
        // moving another agency's incident answers 404 for every status, so no status tells that it exists
        for (String to : List.of("assigned", "closed", "duplicate", "in_progress", "resolved")) {
            TestCredentials.as(staff).contentType(ContentType.JSON).body("{\"to\": \"" + to + "\"}")
                    .post("/api/incidents/" + other + "/transitions").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        TestCredentials.as(staff).contentType(ContentType.JSON).body("{\"to\": \"assigned\"}")
                .post("/api/incidents/" + own + "/transitions").then().statusCode(403);
        TestCredentials.as(staff).get("/api/posts/" + posts.get(0)).then().statusCode(200);
        TestCredentials.as(staff).get("/api/posts/" + posts.get(1)).then().statusCode(404);
        assertThat(TestCredentials.as(staff).queryParam("source", source).get("/api/posts").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Integer.class)).containsExactly(posts.get(0));
        TestCredentials.as(staff).get("/api/me").then().statusCode(200)
                .body("agencyCode", org.hamcrest.Matchers.equalTo("adm-novomoskovsk"));
    }

    @Test
    void anAgencyAccountNeedsAnExistingAgencyAndNoOtherRole() {
        TestCredentials.asAdmin().contentType(ContentType.JSON)
                .body("{\"username\": \"a-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\", \"password\": \"long-enough-pw\", \"roles\": [\"agency\"]}")
                .post("/api/admin/users").then().statusCode(400).contentType("application/problem+json");
        TestCredentials.asAdmin().contentType(ContentType.JSON)
                .body("{\"username\": \"b-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\", \"password\": \"long-enough-pw\", \"roles\": [\"agency\"], \"agencyCode\": \"no-such\"}")
                .post("/api/admin/users").then().statusCode(400);
        TestCredentials.asAdmin().contentType(ContentType.JSON)
                .body("{\"username\": \"c-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"password\": "
                        + "\"long-enough-pw\", \"roles\": [\"agency\", \"press\"], \"agencyCode\": \"adm-novomoskovsk\"}")
                .post("/api/admin/users").then().statusCode(400);
    }
}
