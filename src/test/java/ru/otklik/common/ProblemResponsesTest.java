package ru.otklik.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/**
 * Errors the framework raises before or around an endpoint (bodies of the wrong JSON type, parameters that
 * do not convert, NUL characters, the HTTP limits) are problems that say what is wrong.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ProblemResponsesTest {

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    private static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    @Test
    void aBodyValueOfTheWrongTypeNamesTheField() {
        problem(post("/api/admin/users", "{\"username\": [1], \"password\": \"x\"}"), 400)
                .body("detail", allOf(containsString("username"), containsString("строка")));
        problem(post("/api/admin/users", "true"), 400).body("detail", containsString("JSON-объект"));
        problem(post("/api/admin/api-keys", "{\"name\": \"k\", \"scopes\": \"posts:write\"}"), 400)
                .body("detail", allOf(containsString("scopes"), containsString("массив")));
        problem(post("/api/admin/webhooks", "{\"url\": {\"a\": 1}}"), 400).body("detail", containsString("url"));
        problem(post("/api/incidents/987654321/feedback", "{\"rating\": \"пять\"}"), 400)
                .body("detail", allOf(containsString("rating"), containsString("целое число")));
        problem(post("/api/incidents/987654321/transitions", "{\"to\": []}"), 400).body("detail", containsString("to"));
        problem(post("/api/reviews", "{\"postId\": \"x\", \"action\": \"confirm\"}"), 400)
                .body("detail", containsString("postId"));
        problem(post("/api/analyze", "[[[]]]"), 400);
        given().contentType(ContentType.JSON).body("{\"enabled\": \"да\"}").patch("/api/admin/users/987654321").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("enabled"));
    }

    @Test
    void aNulInABodyStringIsRefusedBeforeTheDatabase() {
        problem(post("/api/analyze", "{\"text\": \"яма\\u0000\"}"), 400)
                .body("detail", allOf(containsString("text"), containsString("NUL")));
        problem(post("/api/incidents/987654321/transitions", "{\"to\": \"closed\", \"reason\": \"a\\u0000b\"}"), 400)
                .body("detail", containsString("reason"));
    }

    @Test
    void aNulInAPathOrQueryIsABadRequestEverywhere() {
        for (String target : new String[] {"/api/sources/a%00b", "/api/sources/%00/run", "/open311/v2/requests/a%00b.json",
                "/api/incidents?agency=%00", "/api/incidents?status=a%00", "/open311/v2/requests.json?service_code=%00",
                "/api/search?q=%00", "/api/posts/%00"}) {
            String method = target.endsWith("/run") ? "POST" : "GET";
            problem(given().urlEncodingEnabled(false).request(method, target).then(), 400)
                    .body("detail", containsString("NUL"));
        }
    }

    @Test
    void aParameterThatDoesNotConvertIsABadRequestNotANotFound() {
        for (String target : new String[] {"/api/incidents?limit=abc", "/api/incidents?limit=99999999999999999999",
                "/api/posts?limit=1e3", "/api/admin/webhooks/987654321/deliveries?limit=x", "/api/incidents/abc"}) {
            problem(given().urlEncodingEnabled(false).get(target).then(), 400)
                    .body("detail", containsString("Параметр"));
        }
        problem(given().get("/api/incidents/987654321").then(), 404);
        problem(given().get("/api/no-such-endpoint").then(), 404);
    }

    @Test
    void theHttpLimitsAnswerWithProblems() {
        problem(given().queryParam("q", "я".repeat(3000)).get("/api/search").then(), 414)
                .body("detail", containsString("4096"));
        problem(given().header("X-Padding", "x".repeat(30_000)).get("/api/me").then(), 431);
        byte[] tooBig = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(tooBig, (byte) ' ');
        problem(given().contentType(ContentType.JSON).body(tooBig).post("/api/posts").then(), 413);
        // without a declared length (chunked), the limit is met while reading
        problem(given().contentType(ContentType.JSON).body(new ByteArrayInputStream(tooBig)).post("/api/posts").then(), 413);
    }
}
