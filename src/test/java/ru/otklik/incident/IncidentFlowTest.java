package ru.otklik.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.incident.deadline.DeadlineService;
import ru.otklik.incident.deadline.EscalationScheduler;
import ru.otklik.incident.sla.SlaEvaluator;
import ru.otklik.testing.TestDb;

/** Grouping, the workflow over REST, and escalations on the embedded database. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class IncidentFlowTest {

    @Inject
    TestDb db;

    @Inject
    EscalationScheduler scheduler;

    @Inject
    SlaEvaluator evaluator;

    @Inject
    DeadlineService deadlines;

    @Inject
    java.time.Clock clock;

    @Inject
    ru.otklik.alert.AlertService alerts;

    private static String post(String source, String id, String author, String text, String publishedAt, String parent) {
        return """
                {"source": "%s", "externalId": "%s", "author": "%s", "text": "%s", "publishedAt": "%s",
                 "metrics": {"likes": 1, "reposts": 0, "views": 100}%s}"""
                .formatted(source, id, author, text, publishedAt, parent == null ? "" : ", \"parentExternalId\": \"" + parent + "\"");
    }

    private void ingest(String... posts) {
        given().contentType(ContentType.JSON).body("[" + String.join(",", posts) + "]").post("/api/posts").then().statusCode(200);
    }

    private long analysed(String source, String externalId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count("select count(*) from post p join source s on s.id = p.source_id "
                + "where s.key = ? and p.external_id = ? and p.analysis_state in ('done', 'skipped')", source, externalId) == 1);
        return db.count("select p.id from post p join source s on s.id = p.source_id where s.key = ? and p.external_id = ?",
                source, externalId);
    }

    private long incidentOf(long postId) {
        return db.count("select incident_id from incident_post where post_id = ?", postId);
    }

    @Test
    void similarComplaintsJoinOneIncidentAndOthersOpenTheirOwn() {
        String source = "group-" + UUID.randomUUID();
        String now = Instant.now().toString();
        ingest(post(source, "a", "u1", "В Богородицке на улице Свердлова огромные ямы на дороге, машины ломают подвеску " + source, now, null),
                post(source, "b", "u2", "Улица Свердлова в Богородицке вся в ямах, дорогу разбили, подвеска не выдерживает " + source, now, null),
                post(source, "c", "u3", "В Богородицке на остановке у вокзала автобус не приходит по расписанию " + source, now, null));
        long a = analysed(source, "a");
        long b = analysed(source, "b");
        long c = analysed(source, "c");
        assertThat(incidentOf(b)).isEqualTo(incidentOf(a));
        assertThat(incidentOf(c)).isNotEqualTo(incidentOf(a));
        long id = incidentOf(a);
        given().get("/api/incidents/" + id).then().statusCode(200)
                .body("incident.postCount", equalTo(2)).body("incident.reach", equalTo(202))
                .body("incident.incidentType", equalTo("problem"))
                .body("events.type", hasItems("opened", "post_joined"));
    }

    @Test
    void aQuestionToTheAuthoritiesOpensAnIncidentOfTypeQuestion() {
        String source = "group-" + UUID.randomUUID();
        ingest(post(source, "q", "u1", "[club1|Администрация Богородицка], подскажите, когда дадут горячую воду "
                + "на улице Свердлова? " + source, Instant.now().toString(), null));
        long q = analysed(source, "q");
        assertThat(db.count("select count(*) from post_analysis where post_id = ? and complaint = 'complaint' "
                + "and incident_type = 'question'", q)).isEqualTo(1);
        given().get("/api/incidents/" + incidentOf(q)).then().statusCode(200)
                .body("incident.incidentType", equalTo("question"));
    }

    @Test
    void workflowOverRestWithBothClocksAndAudit() {
        String source = "flow-" + UUID.randomUUID();
        ingest(post(source, "1", "author1", "В Венёве прорвало трубу, нет горячей воды уже неделю " + source,
                Instant.now().toString(), null));
        long id = incidentOf(analysed(source, "1"));

        given().get("/api/incidents/" + id + "/transitions").then().statusCode(200)
                .body("status", equalTo("new")).body("allowed", equalTo(List.of("assigned", "closed", "duplicate")));
        given().contentType(ContentType.JSON).body("{\"to\": \"resolved\"}")
                .post("/api/incidents/" + id + "/transitions").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("«new» в «resolved»"));
        given().contentType(ContentType.JSON).body("{\"to\": \"assigned\"}")
                .post("/api/incidents/" + id + "/transitions").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("agency"));

        transition(id, "{\"to\": \"assigned\", \"agency\": \"adm-venevskiy\"}").body("agency", equalTo("adm-venevskiy"))
                .body("deadline", org.hamcrest.Matchers.notNullValue()).body("deadlineCalendar", org.hamcrest.Matchers.notNullValue());
        transition(id, "{\"to\": \"in_progress\"}");
        transition(id, "{\"to\": \"waiting_for_author\", \"reason\": \"Уточнить адрес\"}");
        given().get("/api/incidents/" + id + "/sla").then().statusCode(200)
                .body("kind", equalTo(List.of("first_response", "resolution")))
                .body("paused", equalTo(List.of(true, true)));
        transition(id, "{\"to\": \"answered\", \"answerText\": \"Аварийная бригада направлена\","
                + " \"answerUrl\": \"https://vk.com/wall-1_2\"}").body("firstResponseAt", org.hamcrest.Matchers.notNullValue());
        transition(id, "{\"to\": \"resolved\"}");
        given().get("/api/incidents/" + id + "/sla").then().statusCode(200)
                .body("paused", equalTo(List.of(false, false))).body("met", equalTo(List.of(true, true)));
        given().contentType(ContentType.JSON).body("{\"rating\": 2, \"notFixed\": true}")
                .post("/api/incidents/" + id + "/feedback").then().statusCode(200).body("status", equalTo("reopened"));

        List<String> types = db.rows("select type || ':' || coalesce(to_status, '') || ':' || actor as t from incident_event "
                + "where incident_id = ? order by id", id).stream().map(r -> r.get("t").toString()).toList();
        assertThat(types).containsSubsequence("opened::system", "status_changed:assigned:test-admin",
                "status_changed:in_progress:test-admin", "status_changed:waiting_for_author:test-admin",
                "status_changed:answered:test-admin", "status_changed:resolved:test-admin", "rated::test-admin",
                "status_changed:reopened:test-admin");
        assertThat(db.count("select cycle from incident_sla_clock where incident_id = ? and kind = 'resolution'", id)).isEqualTo(2);
        assertThat(db.count("select reopen_count from incident where id = ?", id)).isEqualTo(1);
    }

    @Test
    void escalationFiresExactlyOnceAcrossARestart() throws Throwable {
        String source = "esc-" + UUID.randomUUID();
        ingest(post(source, "1", "author", "В Кимовском районе бродячие собаки нападают на детей у школы " + source,
                Instant.now().toString(), null));
        long id = incidentOf(analysed(source, "1"));
        Instant later = clock.instant().plus(Duration.ofDays(60));

        VertxContextSupport.subscribeAndAwait(() -> scheduler.escalate(later));
        VertxContextSupport.subscribeAndAwait(() -> scheduler.escalate(later));
        // a new scheduler over the same database, as after a restart
        EscalationScheduler restarted = new EscalationScheduler(evaluator, deadlines, clock, alerts);
        VertxContextSupport.subscribeAndAwait(() -> restarted.escalate(later.plusSeconds(3600)));

        assertThat(db.rows("select clock || ':' || threshold as t from incident_escalation where incident_id = ? order by clock, threshold", id)
                .stream().map(r -> r.get("t").toString()).toList())
                .containsExactly("first_response:70", "first_response:90", "first_response:100",
                        "resolution:70", "resolution:90", "resolution:100");
        assertThat(db.count("select count(*) from incident_event where incident_id = ? and type = 'alert'", id)).isEqualTo(6);
        assertThat(db.count("select count(*) from alert where incident_id = ? and kind = 'sla_overdue'", id)).isEqualTo(2);
        assertThat(db.count("select count(*) from alert where incident_id = ? and kind = 'sla_warning'", id)).isEqualTo(4);
        assertThat(db.count("select count(*) from incident_sla_clock where incident_id = ? and next_check_at is not null", id)).isZero();
    }

    @Test
    void officialReplyMarksTheFirstResponseAndTheAuthorsFollowUpIsHeard() {
        String source = "reply-" + UUID.randomUUID();
        Instant t = Instant.now();
        ingest(post(source, "p", "resident7", "В Узловой на улице Гагарина ямы на дороге, асфальт разбит " + source, t.toString(), null));
        long id = incidentOf(analysed(source, "p"));
        // the author's comment is crawled before the official reply it follows, another one after it
        ingest(post(source, "f", "resident7", "Спасибо, посмотрим", t.plusSeconds(1200).toString(), "p"));
        analysed(source, "f");
        ingest(post(source, "r", "uzlovaya_adm", "Здравствуйте! Ремонт запланирован на следующую неделю", t.plusSeconds(600).toString(), "p"));
        analysed(source, "r");
        ingest(post(source, "f2", "resident7", "Пока ничего не сделали", t.plusSeconds(1800).toString(), "p"),
                post(source, "x", "someone_else", "И у нас то же самое", t.plusSeconds(1900).toString(), "p"));
        analysed(source, "f2");
        analysed(source, "x");
        assertThat(db.count("select count(*) from incident_event where incident_id = ? and type = 'satisfaction_estimated'", id))
                .isEqualTo(2);
        assertThat(db.count("select satisfaction_samples from incident where id = ?", id)).isEqualTo(2);
        given().get("/api/incidents/" + id).then().statusCode(200)
                .body("incident.firstResponseAt", org.hamcrest.Matchers.notNullValue())
                .body("events.type", hasItems("official_reply", "satisfaction_estimated"));
        assertThat(db.count("select count(*) from incident_sla_clock where incident_id = ? and kind = 'first_response' "
                + "and stopped_at is not null", id)).isEqualTo(1);
    }

    @Test
    void aDuplicateHandsItsPostsToTheOriginal() {
        String source = "dup-" + UUID.randomUUID();
        String now = Instant.now().toString();
        ingest(post(source, "1", "a1", "В Щёкинском районе не вывозят мусор с контейнерной площадки " + source, now, null),
                post(source, "2", "a2", "В Киреевском районе свалка мусора у дороги растёт " + source, now, null));
        long first = incidentOf(analysed(source, "1"));
        long second = incidentOf(analysed(source, "2"));
        assertThat(second).isNotEqualTo(first);
        given().contentType(ContentType.JSON).body("{\"to\": \"duplicate\"}")
                .post("/api/incidents/" + second + "/transitions").then().statusCode(400);
        transition(second, "{\"to\": \"duplicate\", \"duplicateOf\": " + first + "}")
                .body("status", equalTo("duplicate")).body("postIds.size()", equalTo(0));
        given().get("/api/incidents/" + first).then().statusCode(200).body("incident.postCount", equalTo(2))
                .body("posts.size()", equalTo(2)).body("events.type", hasItems("duplicate_merged"));
        given().contentType(ContentType.JSON).body("{\"to\": \"reopened\", \"reason\": \"x\"}")
                .post("/api/incidents/" + second + "/transitions").then().statusCode(409);
    }

    private io.restassured.response.ValidatableResponse transition(long id, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/incidents/" + id + "/transitions").then().statusCode(200);
    }
}
