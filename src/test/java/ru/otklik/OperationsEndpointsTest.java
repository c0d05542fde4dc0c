package ru.otklik;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators and API consumers rely on before anything else: health, metrics, the API description. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // readiness also reports crawler sources, which other tests of this run may have left failing
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'Reactive PostgreSQL connections health check' }.status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        given().accept("text/plain").get("/q/metrics").then().statusCode(200).contentType(containsString("text/plain"))
                .body(containsString("http_server_requests"));
    }

    @Test
    void openApiDescribesTheFeeds() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/incidents"))
                .body("paths", hasKey("/api/posts"))
                .body("paths", hasKey("/open311/v2/requests.json"))
                .body("components.securitySchemes.apiKey.type", equalTo("apiKey"))
                .body("components.securitySchemes.apiKey.in", equalTo("header"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-API-Key"))
                .body("components.securitySchemes.basicAuth.scheme", equalTo("basic"))
                .body("components.securitySchemes.session.in", equalTo("cookie"))
                .body("components.securitySchemes.session.name", equalTo("otklik-session"))
                .body("paths.'/api/incidents'.get.security[0]", hasKey("apiKey"))
                .body("paths.'/api/incidents'.get.security[1]", hasKey("basicAuth"))
                .body("paths.'/api/incidents'.get.security[2]", hasKey("session"))
                .body("paths.'/api/logout'.post.security", nullValue());
    }

    @Test
    void openApiDescribesTheInappropriateOutput() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.PostAnalysis.properties", hasKey("inappropriate"))
                .body("components.schemas.FlaggedPostView.properties", hasKey("inappropriate"))
                .body("paths.'/api/reviews/queue'.get.parameters.name", hasItem("only"));
    }

    @Test
    void unknownPathIsAProblem() {
        given().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }
}
