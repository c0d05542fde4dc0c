package ru.otklik.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The console's session: it cannot be used from another site, and logging out ends it. */
@QuarkusTest
class SessionSecurityTest {

    private static final String EVIL = "https://evil.example";
    private static final String REFUSED = "Запрос с другого сайта отклонён";
    /** No incident has this id: a request that passes the guard gets the endpoint's 404. */
    private static final String TRANSITION = "/api/incidents/987654321/transitions";

    private static String login(String user) {
        return given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", TestCredentials.PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookie("otklik-session");
    }

    private static RequestSpecification transition(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body("{\"to\": \"closed\"}");
    }

    private static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void aStateChangingRequestWithTheSessionCookieFromAnotherSiteIs403() {
        String session = login(TestCredentials.user(Roles.ANALYST, null));

        transition(given().cookie("otklik-session", session).header("Origin", EVIL)).post(TRANSITION)
                .then().statusCode(403).contentType("application/problem+json").body("title", equalTo(REFUSED));
        transition(given().cookie("otklik-session", session).header("Sec-Fetch-Site", "cross-site")).post(TRANSITION)
                .then().statusCode(403).contentType("application/problem+json").body("title", equalTo(REFUSED));
        transition(given().cookie("otklik-session", session).header("Origin", "null")).post(TRANSITION)
                .then().statusCode(403).body("title", equalTo(REFUSED));

        // the console's own pages pass, and so does a script that is not a browser
        transition(given().cookie("otklik-session", session).header("Origin", ownOrigin())
                .header("Sec-Fetch-Site", "same-origin")).post(TRANSITION).then().statusCode(404);
        transition(given().cookie("otklik-session", session)).post(TRANSITION).then().statusCode(404);
        // reading is not changing
        given().cookie("otklik-session", session).header("Origin", EVIL).get("/api/me").then().statusCode(200);
    }

    @Test
    void browserRememberedBasicAuthAndTheLoginFormAreGuardedApiKeysAreNot() {
        transition(TestCredentials.asAdmin().header("Origin", EVIL)).post(TRANSITION).then().statusCode(403)
                .body("title", equalTo(REFUSED));
        transition(TestCredentials.asAdmin()).post(TRANSITION).then().statusCode(404);
        given().redirects().follow(false).contentType(ContentType.URLENC).header("Origin", EVIL)
                .formParam("j_username", TestCredentials.ADMIN).formParam("j_password", TestCredentials.ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(403).body("title", equalTo(REFUSED));

        String key = TestCredentials.key(null, Roles.POSTS_WRITE);
        TestCredentials.withKey(key).header("Origin", EVIL).contentType(ContentType.JSON).body("[]")
                .post("/api/posts").then().statusCode(200);
    }

    @Test
    void afterLogoutTheSameCookieNoLongerWorksAndANewLoginDoes() {
        String analyst = TestCredentials.user(Roles.ANALYST, null);
        String session = login(analyst);
        given().cookie("otklik-session", session).get("/api/me").then().statusCode(200).body("name", equalTo(analyst));

        given().cookie("otklik-session", session).header("Origin", ownOrigin()).redirects().follow(false)
                .post("/api/logout").then().statusCode(303);

        // a copy of the cookie (another tab, a stolen one) is refused, on the API and on the console
        given().cookie("otklik-session", session).get("/api/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().cookie("otklik-session", session).redirects().follow(false).get("/console/probe").then().statusCode(302);
        // logging out again with it is harmless
        given().cookie("otklik-session", session).redirects().follow(false).post("/api/logout").then().statusCode(303);

        String again = login(analyst);
        given().cookie("otklik-session", again).get("/api/me").then().statusCode(200).body("name", equalTo(analyst));
        // another user's sessions are untouched by this logout
        String other = TestCredentials.user(Roles.PRESS, null);
        String otherSession = login(other);
        given().cookie("otklik-session", again).header("Origin", ownOrigin()).redirects().follow(false)
                .post("/api/logout").then().statusCode(303);
        given().cookie("otklik-session", otherSession).get("/api/me").then().statusCode(200);
    }

    @Test
    void theSessionKeyIsKeptInTheDataDirectoryNotMadeUpPerStart() throws Exception {
        Path file = Path.of(ConfigProvider.getConfig().getValue("otklik.data-dir", String.class), "session.key");
        assertThat(file).exists();
        assertThat(ConfigProvider.getConfig().getValue(SessionKeyConfigSourceFactory.KEY, String.class))
                .isEqualTo(Files.readString(file).strip());
    }
}
