package ru.otklik.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.testing.TestDb;

@QuarkusTest
// the flow under test, not access control (see ru.otklik.security.AccessMatrixTest)
@TestSecurity(user = "test-admin", roles = "admin")
class IncidentFeedTest {

    @Inject
    TestDb db;

    private static String post(String source, String id, String text) {
        return post(source, id, text, "2026-11-20T10:00:00Z");
    }

    private static String post(String source, String id, String text, String publishedAt) {
        return """
                {"source": "%s", "externalId": "%s", "author": "id%s", "text": "%s",
                 "publishedAt": "%s", "metrics": {"likes": 10, "reposts": 2, "views": 300}}"""
                .formatted(source, id, id, text, publishedAt);
    }

    private long postId(String source, String externalId) {
        return given().queryParam("source", source).get("/api/posts").jsonPath()
                .getLong("items.find { it.externalId == '" + externalId + "' }.id");
    }

    @Test
    void aComplaintBecomesARoutedIncidentWithADeadline() {
        String source = "feeder-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("[" + post(source, "1",
                        "В Новомосковске на улице Комсомольской огромные ямы, дорогу не ремонтируют третий год") + ","
                        + post(source, "2", "Поздравляем победителей олимпиады по математике!") + "]")
                .post("/api/posts").then().statusCode(200);
        long complaint = postId(source, "1");
        long greeting = postId(source, "2");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.count("select count(*) from post where id in (?, ?) and analysis_state = 'done'", complaint, greeting) == 2);

        JsonPath incident = given().get("/api/incidents").then().statusCode(200).extract().jsonPath();
        Map<String, Object> item = incident.getMap("items.find { it.postIds.contains(" + complaint + ") }");
        assertThat(item).containsEntry("status", "new").containsEntry("topic", "roads")
                .containsEntry("agency", "adm-novomoskovsk").containsEntry("municipality", "novomoskovsk")
                .containsEntry("priority", "normal").containsEntry("reach", 312);
        assertThat(item.get("deadline")).isNotNull();
        assertThat(db.count("select count(*) from incident_post where post_id = ?", greeting)).isZero();

        long id = ((Number) item.get("id")).longValue();
        given().get("/api/incidents/" + id).then().statusCode(200)
                .body("incident.agencyName", equalTo("Администрация муниципального образования город Новомосковск"))
                .body("posts[0].id", equalTo((int) complaint))
                .body("events.type", hasItem("opened"));
        // the versions are stored once per set (V73), the analysis names its set
        assertThat(db.rows("select m.versions from post_analysis a join model_set m on m.id = a.model_set_id "
                + "where a.post_id = ?", complaint).get(0).get("versions").toString()).contains("rules/topics.tsv");
    }

    @Test
    void filtersAndCursorWalkReturnEachIncidentOnce() {
        String source = "feeder-" + UUID.randomUUID();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 7; i++) {
            // a week apart: the same complaint within the grouping window would join one incident
            batch.append(i == 0 ? "" : ",").append(post(source, "w" + i,
                    "В Алексине не вывозят мусор, контейнерная площадка переполнена, дом " + i,
                    java.time.Instant.parse("2026-09-01T10:00:00Z").plus(Duration.ofDays(7L * i)).toString()));
        }
        given().contentType(ContentType.JSON).body(batch.append("]").toString()).post("/api/posts").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> given().queryParam("municipality", "aleksin")
                .queryParam("limit", 200).get("/api/incidents").jsonPath().getList("items").size() >= 7);

        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("municipality", "aleksin").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/incidents").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Integer.class));
            assertThat(page.getList("items.municipality", String.class)).containsOnly("aleksin");
            cursor = page.getString("next");
        } while (cursor != null);
        Set<Integer> unique = new HashSet<>(seen);
        assertThat(unique).hasSize(seen.size());
        assertThat(seen).hasSizeGreaterThanOrEqualTo(7);
        // the filters combine: exactly the closed Aleksin incidents (other tests may have loaded closed history
        // there; this test's are all new)
        JsonPath closed = given().queryParam("status", "closed").queryParam("municipality", "aleksin")
                .queryParam("limit", 200).get("/api/incidents").then().statusCode(200).extract().jsonPath();
        assertThat(closed.getList("items.id", Long.class)).containsExactlyInAnyOrderElementsOf(db.rows(
                "select id from incident where status = 'closed' and municipality_code = 'aleksin'").stream()
                .map(r -> ((Number) r.get("id")).longValue()).toList());
    }

    private List<Integer> incidentsIn(String municipalityCode) {
        return given().queryParam("municipality", municipalityCode).queryParam("limit", 200).get("/api/incidents")
                .jsonPath().getList("items.id", Integer.class);
    }

    /** Each batch of look-alike complaints gets its own stretch of time (see {@link #openIncidents}). */
    private static final java.util.concurrent.atomic.AtomicInteger BATCHES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Opens {@code count} more incidents in the municipality; returns all of its incidents, newest first. The
     * complaints are alike, so they are published four days apart — outside the grouping window — to stay separate.
     */
    private List<Integer> openIncidents(String municipalityCode, String town, int count) {
        java.time.Instant base = java.time.Instant.parse("2020-01-01T10:00:00Z").plus(Duration.ofDays(200L * BATCHES.incrementAndGet()));
        int already = incidentsIn(municipalityCode).size();
        String source = "feeder-" + UUID.randomUUID();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            batch.append(i == 0 ? "" : ",").append(post(source, "p" + i,
                    "В " + town + " третью неделю не горят фонари во дворе дома " + i,
                    base.plus(Duration.ofDays(4L * i)).toString()));
        }
        given().contentType(ContentType.JSON).body(batch.append("]").toString()).post("/api/posts").then().statusCode(200);
        await().atMost(Duration.ofSeconds(90)).until(() -> incidentsIn(municipalityCode).size() >= already + count);
        return incidentsIn(municipalityCode);
    }

    @Test
    void pagingWhileIncidentsChangeSkipsAndRepeatsNothing() {
        List<Integer> before = openIncidents("efremov", "Ефремове", 9);
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pageNo = 0;
        do {
            var request = given().queryParam("municipality", "efremov").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/incidents").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Integer.class));
            cursor = page.getString("next");
            if (pageNo++ == 1) {
                // mid-walk: new incidents arrive, then the oldest (not yet seen) and the newest (already seen) change
                openIncidents("efremov", "Ефремове", 10);
                db.update("update incident set status = 'assigned', updated_at = now() where id in (?, ?)",
                        (long) before.get(before.size() - 1), (long) before.get(0));
            }
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(before);

        // this walk's 19 incidents, the two changed mid-walk first (other tests may add Efremov history after them)
        List<Integer> after = incidentsIn("efremov");
        assertThat(after).hasSizeGreaterThanOrEqualTo(19).containsAll(before);
        assertThat(after.subList(0, 2)).containsExactlyInAnyOrder(before.get(0), before.get(before.size() - 1));
    }

    @Test
    void etagAnswersNotModifiedUntilSomethingChanges() {
        List<Integer> ids = openIncidents("donskoy", "Донском", 1);
        String etag = given().queryParam("municipality", "donskoy").get("/api/incidents").then().statusCode(200)
                .extract().header("ETag");
        assertThat(etag).isNotBlank();
        given().queryParam("municipality", "donskoy").header("If-None-Match", etag).get("/api/incidents")
                .then().statusCode(304);
        db.update("update incident set priority = 'high' where id = ?", (long) ids.get(0));
        given().queryParam("municipality", "donskoy").header("If-None-Match", etag).get("/api/incidents")
                .then().statusCode(200).body("items[0].priority", equalTo("high"));
        given().queryParam("municipality", "donskoy").queryParam("updated_since", "2999-01-01T00:00:00Z")
                .get("/api/incidents").then().statusCode(200).body("items.size()", equalTo(0));
    }

    /**
     * An empty page, written without a row to read, still carries the newest change number in its ETag, and a
     * conditional request with it is answered 304.
     */
    @Test
    void anEmptyPageCarriesTheETagOfTheNewestChange() {
        incident("null", "null", "'Инцидент для номера изменения'", "'2026-03-02T00:00:00Z'", "null", "null", "null",
                "null", "null", "0.1", "'problem'");
        long before = latestChange();
        String etag = given().queryParam("updated_since", "2999-01-01T00:00:00Z").get("/api/incidents").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("next", nullValue()).extract().header("ETag");
        long after = latestChange();
        assertThat(before).isPositive();
        assertThat(Long.parseLong(etag.replaceAll("^W/\"(\\d+)-.*$", "$1"))).isBetween(before, after);
        given().queryParam("updated_since", "2999-01-01T00:00:00Z").header("If-None-Match", etag)
                .get("/api/incidents").then().statusCode(304);
    }

    private long latestChange() {
        return ((Number) db.rows("select coalesce(max(seq), 0) as seq from incident_change").get(0).get("seq"))
                .longValue();
    }

    /**
     * The feed's items are written as JSON straight from the page's rows (IncidentFeedJson); the incident's own page
     * builds its view in Java and Jackson writes it. Both must say the same, field for field: names, nulls, escapes, numbers, and timestamps
     * whose fraction is whole, milliseconds or microseconds.
     */
    @Test
    void feedItemsReadAsTheIncidentsOwnView() throws Exception {
        List<Long> ids = new ArrayList<>();
        ids.add(incident("'adm-kimovskiy'", "'kimovskiy'", "'Яма \"на\" дороге \\ C:\\ 🚧' || chr(10) || 'вторая строка'",
                "'2026-03-01T10:00:00Z'", "'2026-03-01T10:00:00.123Z'", "'2026-03-01T10:00:00.123456Z'",
                "'Ответ: «отремонтировано»\t'", "4", "1.0", "0.1", "'question'"));
        ids.add(incident("null", "null", "'Без ведомства'", "'2026-03-02T00:00:00.000001Z'", "null", "null", "null",
                "null", "null", "0.3333333333333333", "'problem'"));
        // a post of its own, analysed already: the analysis must not group it into another incident
        long post = ((Number) db.rows("""
                with s as (insert into source (key, kind, title, origin)
                           values ('feed-view-' || gen_random_uuid(), 'api', 'feed view', 'api') returning id)
                insert into post (source_id, external_id, text, content_hash, published_at, fetched_at, analysis_state)
                select id, 'p1', 'Яма', 'x', now(), now(), 'done' from s
                returning id""").get(0).get("id")).longValue();
        db.update("insert into incident_post (incident_id, post_id, added_at) values (?, ?, now())", ids.get(0), post);

        ObjectMapper json = new ObjectMapper();
        JsonNode feed = json.readTree(given().queryParam("limit", 200)
                .queryParam("updated_since", "2026-01-01T00:00:00Z").get("/api/incidents").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString());
        for (long id : ids) {
            JsonNode item = null;
            for (JsonNode i : feed.get("items")) {
                if (i.get("id").asLong() == id) {
                    item = i;
                }
            }
            assertThat(item).as("incident %d in the feed", id).isNotNull();
            JsonNode own = json.readTree(given().get("/api/incidents/" + id).then()
                    .statusCode(200).extract().asString()).get("incident");
            // numbers by value: PostgreSQL writes the double 1.0 as 1, Jackson as 1.0
            Comparator<JsonNode> byValue = (a, b) -> a.isNumber() && b.isNumber()
                    ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1;
            assertThat(item.equals(byValue, own)).as("feed %s%nown  %s", item, own).isTrue();
            List<String> feedFields = new ArrayList<>();
            item.fieldNames().forEachRemaining(feedFields::add);
            List<String> ownFields = new ArrayList<>();
            own.fieldNames().forEachRemaining(ownFields::add);
            assertThat(feedFields).containsExactlyElementsOf(ownFields);
        }
        assertThat(feed.get("items").findValuesAsText("updatedAt")).isNotEmpty();
    }

    /** An incident stored as SQL literals (its timestamps go to every time column), returning its id. */
    private long incident(String agency, String municipality, String title, String seen, String due, String calendar,
                          String answer, String rating, String satisfaction, String conflict, String type) {
        return ((Number) db.rows("""
                insert into incident (status, topic, agency_code, municipality_code, priority, title, first_seen_at,
                                      last_seen_at, first_response_due_at, deadline_at, first_response_due_calendar_at,
                                      deadline_calendar_at, first_response_at, post_count, reach, conflict_score,
                                      growth, reopen_count, answer_text, answer_url, rating, satisfaction,
                                      incident_type, created_at, updated_at)
                values ('answered', 'roads', %s, %s, 'high', %s, %s, %s, %s, %s, %s, %s, %s, 1, 12345678901, %s, 2, 1,
                        %s, 'https://example.invalid/a?b="c"', %s, %s, %s, %s, now())
                returning id""".formatted(agency, municipality, title, seen, seen, due, seen, calendar, calendar, due,
                conflict, answer, rating, satisfaction, type, seen)).get(0).get("id")).longValue();
    }

    @Test
    void unknownIncidentIsAProblem() {
        given().get("/api/incidents/987654321").then().statusCode(404).contentType("application/problem+json")
                .body("detail", notNullValue());
    }
}
