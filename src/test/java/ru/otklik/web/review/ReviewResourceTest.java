package ru.otklik.web.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.assertj.core.api.InstanceOfAssertFactories;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.security.Roles;
import ru.otklik.security.TestCredentials;
import ru.otklik.testing.TestDb;

@QuarkusTest
class ReviewResourceTest {

    private static final String POTHOLES =
            "В Новомосковске на улице Комсомольской огромные ямы, дорогу не ремонтируют третий год";
    private static final String NO_HOT_WATER =
            "В Алексине на улице Мира третью неделю нет горячей воды, управляющая компания молчит";

    @Inject
    TestDb db;

    @Inject
    ObjectMapper json;

    private static String analyst;

    /** The analyst every verdict here is given by (created once through the admin API). */
    private static io.restassured.specification.RequestSpecification analyst() {
        if (analyst == null) {
            analyst = TestCredentials.user(Roles.ANALYST, null);
        }
        return TestCredentials.as(analyst);
    }

    /** Ingests one post and waits until the analysis stage is done with it. */
    private long analysed(String text) throws Exception {
        String source = "review-" + UUID.randomUUID();
        TestCredentials.asAdmin().contentType(ContentType.JSON).body("""
                        [{"source": "%s", "externalId": "1", "author": "id4242", "url": "https://vk.com/wall-1_1",
                          "text": %s, "publishedAt": "2026-11-20T10:00:00Z"}]""".formatted(source, json.writeValueAsString(text)))
                .post("/api/posts").then().statusCode(200);
        long id = TestCredentials.asAdmin().queryParam("source", source).get("/api/posts").jsonPath().getLong("items[0].id");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.count("select count(*) from post where id = ? and analysis_state = 'done'", id) == 1);
        return id;
    }

    private Map<String, Object> queued(long postId) {
        JsonPath page = analyst().queryParam("limit", 100).get("/api/reviews/queue").then().statusCode(200)
                .extract().jsonPath();
        return page.getMap("items.find { it.id == " + postId + " }");
    }

    @Test
    void inappropriatePostsAreStoredAndFilteredOutOfTheQueueOfIncidents() throws Exception {
        // a calm question on a sensitive topic: neither a complaint nor a conflict, but inappropriate
        long piracy = analysed("Как обойти блокировку и скачать фильм бесплатно без регистрации?");
        assertThat(db.rows("select conflict, inappropriate, inappropriate_score from post_analysis where post_id = ?",
                piracy).get(0)).containsEntry("conflict", "none").containsEntry("inappropriate", "inappropriate");
        assertThat(queued(piracy)).isNull();
        Map<String, Object> item = analyst().queryParam("limit", 100).queryParam("only", "inappropriate")
                .get("/api/reviews/queue").then().statusCode(200).extract().jsonPath()
                .getMap("items.find { it.id == " + piracy + " }");
        assertThat(item).isNotNull();
        assertThat(item.get("inappropriate")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("label", "inappropriate").containsKey("score");
        // a complaint with no sensitive topic stays in the default queue only
        long potholes = analysed(POTHOLES);
        assertThat(queued(potholes).get("inappropriate")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("label", "none");
        assertThat(analyst().queryParam("limit", 100).queryParam("only", "inappropriate").get("/api/reviews/queue")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class)).doesNotContain(potholes);
        analyst().queryParam("only", "conflict").get("/api/reviews/queue").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aFlaggedPostIsQueuedWithItsMarksAndItsAuthorForTheAnalyst() throws Exception {
        long post = analysed(POTHOLES);
        Map<String, Object> item = queued(post);
        assertThat(item).isNotNull().containsEntry("municipality", "novomoskovsk").containsEntry("agency", "adm-novomoskovsk");
        assertThat(item).containsEntry("authorHandle", "id4242").containsKey("authorId");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> marks = (List<Map<String, Object>>) item.get("marks");
        assertThat(marks).anySatisfy(m -> {
            assertThat(m.get("kind")).isEqualTo("term");
            assertThat(POTHOLES.substring((Integer) m.get("start"), (Integer) m.get("end"))).isEqualTo("ямы");
        });
        assertThat(marks).anySatisfy(m -> assertThat(m).containsEntry("kind", "place").containsEntry("label", "novomoskovsk"));
    }

    @Test
    void aCorrectedTopicIsStoredCorrectsTheIncidentAndLeavesTheQueue() throws Exception {
        long post = analysed(POTHOLES);
        long incident = db.count("select incident_id from incident_post where post_id = ?", post);

        analyst().contentType(ContentType.JSON)
                .body(Map.of("postId", post, "action", "correct", "topic", "transport", "comment", "про автобусы"))
                .post("/api/reviews").then().statusCode(200)
                .body("decision", equalTo("corrected")).body("topic", equalTo("transport"))
                .body("modelTopic", equalTo("roads")).body("agency", equalTo("adm-novomoskovsk"))
                .body("incidentId", equalTo((int) incident)).body("incidentCorrected", equalTo(true))
                .body("reviewer", equalTo(analyst));

        assertThat(queued(post)).isNull();
        Map<String, Object> row = db.rows("select decision, topic, model_topic, post_version, analysis_id, comment "
                + "from review where post_id = ?", post).get(0);
        assertThat(row).containsEntry("decision", "corrected").containsEntry("topic", "transport")
                .containsEntry("model_topic", "roads").containsEntry("post_version", 1)
                .containsEntry("comment", "про автобусы");
        assertThat(row.get("analysis_id")).isNotNull();
        assertThat(db.rows("select topic from incident where id = ?", incident).get(0)).containsEntry("topic", "transport");
        Map<String, Object> event = db.rows("select actor, payload::text as payload from incident_event "
                + "where incident_id = ? and type = 'corrected'", incident).get(0);
        assertThat(event.get("actor")).isEqualTo(analyst);
        assertThat(event.get("payload").toString()).contains("\"topic\": \"roads\"").contains("\"topic\": \"transport\"");
    }

    @Test
    void confirmingLeavesTheIncidentAloneAndRejectingMakesANegativeComplaintExample() throws Exception {
        long confirmed = analysed(NO_HOT_WATER);
        long incident = db.count("select incident_id from incident_post where post_id = ?", confirmed);
        analyst().contentType(ContentType.JSON).body(Map.of("postId", confirmed, "action", "confirm"))
                .post("/api/reviews").then().statusCode(200)
                .body("decision", equalTo("confirmed")).body("incidentCorrected", equalTo(false));
        assertThat(db.count("select count(*) from incident_event where incident_id = ? and type = 'corrected'", incident))
                .isZero();

        long rejected = analysed("Асфальт во дворе положили отлично, спасибо администрации Алексина");
        analyst().contentType(ContentType.JSON).body(Map.of("postId", rejected, "action", "reject"))
                .post("/api/reviews").then().statusCode(200).body("decision", equalTo("rejected"))
                .body("topic", equalTo(null));

        String jsonl = analyst().queryParam("task", "complaint").queryParam("format", "jsonl")
                .get("/api/reviews/export").then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        assertThat(line(jsonl, rejected).path("label").asText()).isEqualTo("none");
        assertThat(line(jsonl, confirmed).path("label").asText()).isEqualTo("complaint");
        assertThat(line(jsonl, confirmed).path("text").asText()).isEqualTo(NO_HOT_WATER);
        assertThat(jsonl).doesNotContain("id4242");
    }

    @Test
    void topicExportIsCsvWithTextAndLabelColumns() throws Exception {
        long post = analysed("В Кимовске опять \"разбитые дороги\", ямы на каждом шагу");
        analyst().contentType(ContentType.JSON).body(Map.of("postId", post, "action", "confirm"))
                .post("/api/reviews").then().statusCode(200);
        String csv = analyst().queryParam("task", "topic").get("/api/reviews/export").then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", "attachment; filename=\"reviews-topic.csv\"")
                .extract().asString();
        assertThat(csv).startsWith("text,label,post_id,decision\r\n");
        assertThat(csv).contains("\"В Кимовске опять \"\"разбитые дороги\"\", ямы на каждом шагу\",\"roads\"," + post
                + ",confirmed\r\n");
    }

    @Test
    void theTrainCommandLearnsFromTheExport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        for (String text : List.of(POTHOLES, NO_HOT_WATER, "В Щёкино бродячие собаки стаей бегают у школы, дети боятся")) {
            long post = analysed(text);
            analyst().contentType(ContentType.JSON).body(Map.of("postId", post, "action", "confirm"))
                    .post("/api/reviews").then().statusCode(200);
        }
        java.nio.file.Path csv = dir.resolve("reviews-topic.csv");
        java.nio.file.Files.writeString(csv, analyst().queryParam("task", "topic").get("/api/reviews/export")
                .then().statusCode(200).extract().asString());

        int exit = ru.otklik.nlp.cli.NlpCli.run(new String[] {"train", "--task", "topic", "--input", csv.toString(),
                "--text-field", "text", "--label-field", "label", "--out", dir.resolve("models").toString()});
        assertThat(exit).isZero();
        assertThat(dir.resolve("models/topic")).isDirectoryContaining(p -> true);
    }

    @Test
    void badVerdictsAreProblems() throws Exception {
        long post = analysed(POTHOLES);
        analyst().contentType(ContentType.JSON).body(Map.of("postId", post, "action", "maybe"))
                .post("/api/reviews").then().statusCode(400).contentType("application/problem+json");
        analyst().contentType(ContentType.JSON).body(Map.of("postId", post, "action", "correct", "topic", "weather"))
                .post("/api/reviews").then().statusCode(400).body("detail", notNullValue());
        analyst().contentType(ContentType.JSON).body(Map.of("postId", 987654321, "action", "confirm"))
                .post("/api/reviews").then().statusCode(404);
        analyst().queryParam("task", "mood").get("/api/reviews/export").then().statusCode(400);
        analyst().queryParam("task", "topic").queryParam("format", "xml").get("/api/reviews/export").then().statusCode(400);
    }

    @Test
    void onlyAnalystsAndAdminsReview() {
        String press = TestCredentials.user(Roles.PRESS, null);
        TestCredentials.as(press).get("/api/reviews/queue").then().statusCode(403);
        TestCredentials.as(press).contentType(ContentType.JSON).body(Map.of("postId", 1, "action", "confirm"))
                .post("/api/reviews").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/reviews/export?task=topic").then().statusCode(401);
        TestCredentials.asAdmin().get("/api/reviews/queue").then().statusCode(200);
    }

    private JsonNode line(String jsonl, long postId) {
        return jsonl.lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(n -> n.path("post_id").asLong() == postId).findFirst().orElseThrow();
    }
}
