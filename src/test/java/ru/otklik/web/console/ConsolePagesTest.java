package ru.otklik.web.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every console page renders, in Russian, with its data; the vendored scripts are served from the jars. */
@QuarkusTest
class ConsolePagesTest {

    @Test
    void rootOpensTheReviewQueue() {
        given().redirects().follow(false).get("/console").then().statusCode(303)
                .header("Location", containsString("/console/review"));
    }

    @Test
    void pagesRender() {
        given().get("/console/review").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Проверка постов"));
        given().get("/console/incidents").then().statusCode(200).body(containsString("Срок решения"));
        given().get("/console/incidents?scope=all&topic=roads").then().statusCode(200);
        given().header("HX-Request", "true").get("/console/incidents").then().statusCode(200)
                .body(containsString("<tbody>"), not(containsString("<html")));
        given().get("/console/ratings").then().statusCode(200).body(containsString("Темы × муниципалитеты"));
        given().get("/console/ratings?days=3").then().statusCode(400);
        given().get("/console/incidents/987654321").then().statusCode(404);
    }

    @Test
    void sourcesPageListsEverySourceWithItsState() {
        String source = "pages-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("""
                [{"source": "%s", "externalId": "1", "text": "Просто пост", "publishedAt": "2026-11-20T10:00:00Z"}]"""
                .formatted(source)).post("/api/posts").then().statusCode(200);
        given().get("/console/sources").then().statusCode(200)
                .body(containsString("id=\"source-" + source + "\""), containsString("работает"));
    }

    @Test
    void vendoredScriptsComeFromTheJars() {
        given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        given().get("/_static/echarts/dist/echarts.min.js").then().statusCode(200);
        given().get("/_static/echarts/i18n/langRU.js").then().statusCode(200);
        given().get("/console-assets/console.css").then().statusCode(200);
    }
}
