package ru.otklik.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static ru.otklik.security.TestCredentials.as;
import static ru.otklik.security.TestCredentials.asAdmin;
import static ru.otklik.security.TestCredentials.withKey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.otklik.testing.TestDb;

@QuarkusTest
class AuthenticationTest {

    @Inject
    TestDb db;

    @Inject
    ApiKeyUsage usage;

    @Test
    void anApiCallWithoutCredentialsIsA401ProblemNotARedirect() {
        given().redirects().follow(false).get("/api/incidents").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("status", equalTo(401)).body("detail", notNullValue());
    }

    @Test
    void aConsolePageWithoutASessionRedirectsToTheLoginForm() {
        given().redirects().follow(false).get("/console/probe").then().statusCode(302)
                .header("Location", containsString("/login.html"));
    }

    @Test
    void formLoginGivesASessionCookie() {
        String analyst = TestCredentials.user(Roles.ANALYST, null);
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", analyst).formParam("j_password", TestCredentials.PASSWORD)
                .post("/j_security_check");
        assertThat(login.statusCode()).isEqualTo(302);
        String session = login.getCookie("otklik-session");
        assertThat(session).isNotBlank();
        given().cookie("otklik-session", session).get("/api/me").then().statusCode(200)
                .body("name", equalTo(analyst)).body("roles", hasItems("analyst")).body("seesAuthors", equalTo(true));
        given().cookie("otklik-session", session).get("/console/probe").then().statusCode(200);
        given().cookie("otklik-session", session).redirects().follow(false).post("/api/logout").then().statusCode(303)
                .header("Location", containsString("/login.html"))
                .header("Set-Cookie", containsString("Max-Age=0"));

        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", analyst).formParam("j_password", "wrong-password")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("error"));
    }

    @Test
    void aWrongPasswordOrAnUnknownKeyIsA401() {
        given().auth().preemptive().basic(TestCredentials.ADMIN, "nope").get("/api/incidents").then().statusCode(401)
                .contentType("application/problem+json");
        withKey("otk_not-a-key").get("/api/incidents").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRoleThatIsNotAllowedIsA403Problem() {
        String press = TestCredentials.user(Roles.PRESS, null);
        as(press).get("/api/admin/users").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        as(press).get("/api/incidents").then().statusCode(200);
    }

    @Test
    void aKeyIsShownOnceStoredHashedScopedAndRevocable() {
        Map<String, Object> created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "feeder", "scopes", List.of("feeds:read")))
                .post("/api/admin/api-keys").then().statusCode(201).extract().jsonPath().getMap("");
        String key = (String) created.get("key");
        assertThat(key).startsWith("otk_");
        long id = ((Number) created.get("id")).longValue();
        assertThat(db.count("select count(*) from api_key where key_hash = ? and id = ?", ApiKeys.hash(key), id)).isOne();
        assertThat(db.count("select count(*) from api_key where key_hash = ?", key)).isZero();
        asAdmin().get("/api/admin/api-keys").then().statusCode(200)
                .body("find { it.id == " + id + " }.key", nullValue());

        withKey(key).get("/api/incidents").then().statusCode(200);
        withKey(key).contentType(ContentType.JSON).body("[]").post("/api/posts").then().statusCode(403);
        // a use is noted in memory and written with the others at the next flush, not on the request
        usage.flush().await().indefinitely();
        assertThat(db.count("select count(*) from api_key where id = ? and last_used_at is not null", id)).isOne();
        // the key is in the lookup cache now: the revocation must reach it
        asAdmin().delete("/api/admin/api-keys/" + id).then().statusCode(200).body("revokedBy", equalTo("admin"));
        withKey(key).get("/api/incidents").then().statusCode(401);
    }

    @Test
    void aKeyOverItsLimitGets429WithRetryAfter() {
        String key = TestCredentials.key(3, "feeds:read");
        for (int i = 0; i < 3; i++) {
            withKey(key).get("/api/incidents").then().statusCode(200);
        }
        withKey(key).get("/api/incidents").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        String retryAfter = withKey(key).get("/api/incidents").header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 20);
    }

    @Test
    void theBootstrapAdministratorExistsAndPasswordsAreBcrypt() {
        assertThat(db.rows("select password_hash, roles from app_user where username = 'admin'").get(0))
                .satisfies(row -> {
                    assertThat((String) row.get("password_hash")).startsWith("$2");
                    assertThat(row.get("roles")).isEqualTo("admin");
                });
    }
}
