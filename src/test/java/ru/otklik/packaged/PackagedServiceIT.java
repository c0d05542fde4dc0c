package ru.otklik.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code quarkus-run.jar}, started the way the README starts it (prod profile, embedded
 * PostgreSQL, models and sources from the working directory). It catches what {@code @QuarkusTest} cannot:
 * build-time steps that only the package runs (the OpenAPI filter once passed in tests and was missing from
 * the jar), resources left out of the package, and the bootstrap of a fresh install.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceConfig.class)
class PackagedServiceIT {

    @Test
    void startsReadyOnAFreshEmbeddedDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theApiDescriptionNamesAllThreeWaysToSignIn() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes", hasKey("apiKey"))
                .body("components.securitySchemes.basicAuth.scheme", equalTo("basic"))
                .body("components.securitySchemes.session.name", equalTo("otklik-session"))
                .body("paths.'/api/incidents'.get.security[1]", hasKey("basicAuth"));
    }

    @Test
    void theBootstrapKeyFeedsAPostThatBecomesARoutedIncident() {
        // a source of its own: against an external database (README) earlier runs' posts are still there
        String post = """
                [{"source": "%s", "externalId": "1", "url": "https://vk.com/wall-1_1", "author": "id1",
                  "text": "В Новомосковске на улице Комсомольской огромные ямы, дорогу не ремонтируют третий год",
                  "publishedAt": "2026-11-20T10:00:00+03:00", "metrics": {"views": 300}}]"""
                .formatted("it-feeder-" + UUID.randomUUID());
        long postId = given().header("X-API-Key", PackagedServiceConfig.KEY).contentType(ContentType.JSON)
                .body(post).post("/api/posts").then().statusCode(200).body("created", equalTo(1))
                .extract().jsonPath().getLong("items[0].postId");

        String itsIncident = "items.find { it.postIds.contains(" + postId + ") }";
        Map<String, Object> incident = await().atMost(Duration.ofSeconds(60)).until(
                () -> given().header("X-API-Key", PackagedServiceConfig.KEY).get("/api/incidents")
                        .then().statusCode(200).extract().jsonPath().getMap(itsIncident),
                item -> item != null);
        assertThat(incident).containsEntry("topic", "roads").containsEntry("agency", "adm-novomoskovsk")
                .containsEntry("municipality", "novomoskovsk");
        assertThat(incident.get("deadline")).isNotNull();
    }

    @Test
    void theBootstrapAdministratorSignsInToTheConsole() {
        given().redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", containsString("/login.html"));
        given().get("/login.html").then().statusCode(200).contentType(startsWith("text/html"));
        given().auth().preemptive().basic(PackagedServiceConfig.ADMIN, PackagedServiceConfig.ADMIN_PASSWORD)
                .get("/console").then().statusCode(200).body(containsString("Отклик"));
    }
}
