package ru.otklik.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open311, the agency RSS/Atom feeds and search, over posts that went through the whole pipeline. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class PublicFeedsTest {

    static final String SOURCE = "feeds-" + UUID.randomUUID();
    static final String TEXT = "В Кимовске на улице Ленина огромные ямы, дорожное покрытие разрушено";

    @BeforeEach
    void complaint() {
        given().contentType(ContentType.JSON).body("""
                [{"source": "%s", "externalId": "1", "author": "id1", "text": "%s",
                  "publishedAt": "2026-11-20T10:00:00Z"}]""".formatted(SOURCE, TEXT)).post("/api/posts")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !given().queryParam("municipality", "kimovskiy")
                .get("/api/incidents").jsonPath().getList("items").isEmpty());
    }

    @Test
    void open311ServicesAreTheRubric() {
        given().get("/open311/v2/services.json").then().statusCode(200)
                .body("", hasSize(16))
                .body("find { it.service_code == 'roads' }.service_name", equalTo("Дороги"));
    }

    @Test
    void open311RequestsAreIncidents() {
        List<Map<String, Object>> requests = given().queryParam("service_code", "roads").queryParam("status", "open")
                .get("/open311/v2/requests.json").then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> kimovsk = requests.stream()
                .filter(r -> "Кимовский район".equals(r.get("address"))).findFirst().orElseThrow();
        assertThat(kimovsk).containsEntry("status", "open").containsEntry("service_name", "Дороги")
                .containsEntry("agency_responsible", "Администрация муниципального образования Кимовский район");
        assertThat(kimovsk.get("expected_datetime")).isNotNull();
        String id = (String) kimovsk.get("service_request_id");
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(id));
        given().queryParam("status", "closed").queryParam("service_code", "roads").get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", org.hamcrest.Matchers.not(hasItem(id)));
        given().queryParam("status", "maybe").get("/open311/v2/requests.json").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/open311/v2/requests/nope.json").then().statusCode(404);
    }

    @Test
    void agencyFeedsParseAsRssAndAtom() throws Exception {
        for (String format : new String[] {"rss", "atom"}) {
            String xml = given().get("/api/agencies/adm-kimovskiy/incidents." + format).then().statusCode(200)
                    .contentType(containsString(format)).extract().asString();
            SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
            assertThat(feed.getTitle()).contains("Кимовский район");
            assertThat(feed.getEntries()).anySatisfy(e -> assertThat(e.getTitle()).startsWith("[Дороги]"));
        }
        given().get("/api/agencies/unknown/incidents.rss").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void searchFindsInflectedFormsWithFacets() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().queryParam("q", "яма покрытие").queryParam("source", SOURCE).get("/api/search").then()
                        .statusCode(200)
                        .body("total", equalTo(1))
                        .body("items[0].snippet", containsString("<mark>ямы</mark>"))
                        .body("facets.municipality.kimovskiy", equalTo(1)));
        given().queryParam("q", "яма AND (").get("/api/search").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
