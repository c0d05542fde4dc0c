package ru.otklik.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.otklik.security.Roles;
import ru.otklik.security.TestCredentials;
import ru.otklik.testing.TestDb;

/**
 * A post the language identifier calls Ukrainian is stored and skipped, listed in the console with its
 * language, and an analyst can send it to the full analysis, where its complaint becomes an incident.
 */
@QuarkusTest
class AnalyzeAsRussianTest {

    /** Ukrainian words around a Russian complaint: the identifier says "uk", the complaint is about roads. */
    private static final String SURZHYK = "Шановні! Що відбувається? У Новомосковську на вулиці Комсомольській "
            + "огромные ямы, дорогу не ремонтируют третий год";

    @Inject
    TestDb db;

    @Inject
    ObjectMapper json;

    private String analyst;

    @BeforeEach
    void newAnalyst() {
        analyst = TestCredentials.user(Roles.ANALYST, null);
    }

    private RequestSpecification analyst() {
        return TestCredentials.as(analyst);
    }

    /** Ingests one post and waits until the analysis stage has skipped it as non-Russian. */
    private long skipped(String text) throws Exception {
        String source = "languages-" + UUID.randomUUID();
        TestCredentials.asAdmin().contentType(ContentType.JSON).body("""
                        [{"source": "%s", "externalId": "1", "url": "https://vk.com/wall-1_7",
                          "text": %s, "publishedAt": "2026-11-21T10:00:00Z"}]""".formatted(source, json.writeValueAsString(text)))
                .post("/api/posts").then().statusCode(200);
        long id = TestCredentials.asAdmin().queryParam("source", source).get("/api/posts").jsonPath().getLong("items[0].id");
        await().atMost(Duration.ofSeconds(90)).until(() ->
                db.count("select count(*) from post where id = ? and analysis_state = 'skipped'", id) == 1);
        return id;
    }

    @Test
    void aSkippedPostIsListedWithItsLanguageAndBecomesAnIncidentWhenSentByHand() throws Exception {
        long post = skipped(SURZHYK);
        assertThat(db.rows("select lang, complaint from post_analysis where post_id = ?", post).get(0))
                .containsEntry("lang", "uk").containsEntry("complaint", null);
        assertThat(db.count("select count(*) from incident_post where post_id = ?", post)).isZero();

        analyst().get("/console/languages").then().statusCode(200)
                .body(containsString("id=\"skipped-" + post + "\""))
                .body(containsString("украинский"))
                .body(containsString("hx-post=\"/console/languages/" + post + "/analyze\""));

        int incident = analyst().post("/api/posts/" + post + "/analyze-as-russian").then().statusCode(200)
                .body("postId", equalTo((int) post)).body("detectedLang", equalTo("uk"))
                .body("complaint", equalTo("complaint")).body("topic", equalTo("roads"))
                .body("incidentId", notNullValue())
                .extract().path("incidentId");

        assertThat(db.rows("select analysis_state from post where id = ?", post).get(0))
                .containsEntry("analysis_state", "done");
        Map<String, Object> stored = db.rows("select lang, complaint, topic, explanation::text as explanation "
                + "from post_analysis where post_id = ?", post).get(0);
        assertThat(stored).containsEntry("lang", "ru").containsEntry("complaint", "complaint").containsEntry("topic", "roads");
        assertThat(stored.get("explanation").toString()).contains("\"analysedAsRussian\"")
                .contains("\"detectedLang\": \"uk\"").contains("\"by\": \"" + analyst + "\"");
        assertThat(db.count("select incident_id from incident_post where post_id = ?", post)).isEqualTo(incident);
        analyst().get("/console/languages").then().statusCode(200)
                .body(not(containsString("id=\"skipped-" + post + "\"")));

        // a second click finds the post analysed already: a clear conflict, nothing analysed twice
        analyst().post("/api/posts/" + post + "/analyze-as-russian").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(db.count("select count(*) from post_analysis where post_id = ?", post)).isEqualTo(1);
    }

    @Test
    void theConsoleButtonAnswersWithTheOutcomeRow() throws Exception {
        long post = skipped(SURZHYK);
        analyst().post("/console/languages/" + post + "/analyze").then().statusCode(200)
                .body(containsString("id=\"skipped-" + post + "\""))
                .body(containsString("украинский"))
                .body(containsString("<b>жалоба</b>"))
                .body(containsString("/console/incidents/"));
    }

    @Test
    void onlyAnalystsAndAdminsMaySendAPostAndAnUnknownOneIsNotFound() {
        TestCredentials.as(TestCredentials.user(Roles.PRESS, null)).post("/api/posts/1/analyze-as-russian")
                .then().statusCode(403);
        TestCredentials.as(TestCredentials.user(Roles.PRESS, null)).get("/console/languages").then().statusCode(403);
        analyst().post("/api/posts/987654321/analyze-as-russian").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
