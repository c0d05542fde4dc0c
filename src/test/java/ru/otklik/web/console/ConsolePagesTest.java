package ru.otklik.web.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.security.Roles;
import ru.otklik.security.TestCredentials;

/** Every console page renders, in Russian, with its data; the vendored scripts are served from the jars. */
@QuarkusTest
class ConsolePagesTest {

    @Test
    void rootOpensEachRolesEverydayPage() {
        TestCredentials.as(TestCredentials.user(Roles.ANALYST, null)).redirects().follow(false).get("/console")
                .then().statusCode(303).header("Location", endsWith("/console/review"));
        TestCredentials.as(TestCredentials.user(Roles.PRESS, null)).redirects().follow(false).get("/console")
                .then().statusCode(303).header("Location", endsWith("/console/alerts"));
        TestCredentials.as(TestCredentials.user(Roles.AGENCY, "adm-aleksin")).redirects().follow(false).get("/console")
                .then().statusCode(303).header("Location", endsWith("/console/incidents"));
    }

    @Test
    void pagesNeedALoginAndTheRightRole() {
        given().redirects().follow(false).get("/console/review").then().statusCode(302)
                .header("Location", containsString("/login.html"));
        String press = TestCredentials.user(Roles.PRESS, null);
        TestCredentials.as(press).get("/console/review").then().statusCode(403);
        TestCredentials.as(press).get("/console/sources").then().statusCode(403);
        TestCredentials.as(press).get("/console/alerts").then().statusCode(200)
                .body(not(containsString("href=\"/console/review\"")));
        TestCredentials.as(TestCredentials.user(Roles.AGENCY, "adm-aleksin")).get("/console/alerts").then().statusCode(403);
        given().get("/login.html").then().statusCode(200).body(containsString("j_security_check"));
    }

    @Test
    void pagesRender() {
        TestCredentials.as(analystName()).get("/console/review").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Проверка постов"));
        TestCredentials.as(analystName()).get("/console/incidents").then().statusCode(200).body(containsString("Срок решения"));
        TestCredentials.as(analystName()).get("/console/incidents?scope=all&topic=roads").then().statusCode(200);
        TestCredentials.as(analystName()).header("HX-Request", "true").get("/console/incidents").then().statusCode(200)
                .body(containsString("<tbody>"), not(containsString("<html")));
        TestCredentials.as(analystName()).get("/console/ratings").then().statusCode(200).body(containsString("Темы × муниципалитеты"));
        TestCredentials.as(analystName()).get("/console/ratings?days=3").then().statusCode(400);
        TestCredentials.as(analystName()).get("/console/incidents/987654321").then().statusCode(404);
        TestCredentials.as(analystName()).get("/console/alerts").then().statusCode(200)
                .body(containsString("data-stream=\"/api/alerts/stream\""));
    }

    @Test
    void sourcesPageListsEverySourceWithItsState() {
        String source = "pages-" + UUID.randomUUID();
        TestCredentials.asAdmin().contentType(ContentType.JSON).body("""
                [{"source": "%s", "externalId": "1", "text": "Просто пост", "publishedAt": "2026-11-20T10:00:00Z"}]"""
                .formatted(source)).post("/api/posts").then().statusCode(200);
        TestCredentials.as(analystName()).get("/console/sources").then().statusCode(200)
                .body(containsString("id=\"source-" + source + "\""), containsString("работает"));
    }

    @Test
    void agencyStaffSeeOnlyTheirAgencysIncidents() {
        String source = "scope-" + UUID.randomUUID();
        TestCredentials.asAdmin().contentType(ContentType.JSON).body("""
                [{"source": "%s", "externalId": "1", "publishedAt": "2026-11-20T10:00:00Z",
                  "text": "В Узловой на улице Завенягина огромные ямы на дороге, асфальт разбит"},
                 {"source": "%s", "externalId": "2", "publishedAt": "2026-11-20T10:00:00Z",
                  "text": "В Ефремове на улице Свердлова огромные ямы на дороге, асфальт разбит"}]"""
                .formatted(source, source)).post("/api/posts").then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> TestCredentials.asAdmin()
                .queryParam("source", source).queryParam("analysisState", "done").get("/api/posts")
                .jsonPath().getList("items").size() == 2);
        var all = TestCredentials.as(analystName()).queryParam("scope", "all").get("/console/incidents").then()
                .statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(all).contains("Узловой на улице Завенягина")
                .contains("Ефремове на улице Свердлова");
        String agency = TestCredentials.user(Roles.AGENCY, "adm-uzlovskiy");
        var own = TestCredentials.as(agency).queryParam("scope", "all").queryParam("agency", "adm-efremov")
                .get("/console/incidents").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(own).contains("Узловой на улице Завенягина")
                .doesNotContain("Ефремове на улице Свердлова").doesNotContain("href=\"/console/review\"");
    }

    private static String analyst;

    private static String analystName() {
        if (analyst == null) {
            analyst = TestCredentials.user(Roles.ANALYST, null);
        }
        return analyst;
    }

    @Test
    void vendoredScriptsComeFromTheJars() {
        given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        given().get("/_static/echarts/dist/echarts.min.js").then().statusCode(200);
        given().get("/_static/echarts/i18n/langRU.js").then().statusCode(200);
        given().get("/console-assets/console.css").then().statusCode(200);
        given().get("/console-assets/alerts.js").then().statusCode(200);
    }
}
