package ru.otklik.incident.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.security.Roles;
import ru.otklik.security.TestCredentials;
import ru.otklik.testing.TestDb;

/** Agency staff work their own agency's incidents, within their part of the workflow; the actor is who signed in. */
@QuarkusTest
class WorkflowAccessTest {

    @Inject
    TestDb db;

    @Test
    void agencyStaffActOnTheirOwnIncidentsOnly() {
        String source = "access-" + UUID.randomUUID();
        List<Integer> posts = TestCredentials.asAdmin().contentType(ContentType.JSON).body("""
                [{"source": "%s", "externalId": "1", "author": "a", "publishedAt": "%s",
                  "text": "В Плавске на улице Советской огромные ямы на дороге %s"},
                 {"source": "%s", "externalId": "2", "author": "b", "publishedAt": "%s",
                  "text": "В Ясногорске не вывозят мусор, свалка у дома %s"}]"""
                .formatted(source, Instant.now(), source, source, Instant.now(), source))
                .post("/api/posts").then().statusCode(200).extract().jsonPath().getList("items.postId", Integer.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from incident_post where post_id in (?, ?)", posts.get(0), posts.get(1)) == 2);
        long own = db.count("select incident_id from incident_post where post_id = ?", posts.get(0));
        long other = db.count("select incident_id from incident_post where post_id = ?", posts.get(1));
        String agency = db.rows("select agency_code from incident where id = ?", own).get(0).get("agency_code").toString();
        assertThat(db.rows("select agency_code from incident where id = ?", other).get(0).get("agency_code")).isNotEqualTo(agency);

        String staff = TestCredentials.user(Roles.AGENCY, agency);
        TestCredentials.as(staff).contentType(ContentType.JSON).body("{\"to\": \"in_progress\"}")
                .post("/api/incidents/" + own + "/transitions").then().statusCode(409);
        TestCredentials.as(staff).contentType(ContentType.JSON).body("{\"to\": \"assigned\", \"agency\": \"" + agency + "\"}")
                .post("/api/incidents/" + own + "/transitions").then().statusCode(403).contentType("application/problem+json");
        TestCredentials.asAdmin().contentType(ContentType.JSON).body("{\"to\": \"assigned\", \"agency\": \"" + agency + "\"}")
                .post("/api/incidents/" + own + "/transitions").then().statusCode(200);
        TestCredentials.as(staff).contentType(ContentType.JSON).body("{\"to\": \"in_progress\"}")
                .post("/api/incidents/" + own + "/transitions").then().statusCode(200).body("status", equalTo("in_progress"));
        TestCredentials.as(staff).get("/api/incidents/" + own + "/sla").then().statusCode(200);
        TestCredentials.as(staff).contentType(ContentType.JSON).body("{\"to\": \"in_progress\"}")
                .post("/api/incidents/" + other + "/transitions").then().statusCode(404);
        TestCredentials.as(staff).get("/api/incidents/" + other + "/sla").then().statusCode(404);
        TestCredentials.as(staff).get("/api/picture/top").then().statusCode(403);
        TestCredentials.as(staff).get("/api/ratings").then().statusCode(200);

        assertThat(db.rows("select actor from incident_event where incident_id = ? and to_status = 'in_progress'", own)
                .get(0).get("actor")).isEqualTo(staff);
    }
}
