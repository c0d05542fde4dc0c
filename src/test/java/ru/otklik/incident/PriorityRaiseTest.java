package ru.otklik.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.analysis.AnalysisResult;
import ru.otklik.analysis.PostAnalyzer;
import ru.otklik.incident.priority.Priority;
import ru.otklik.incident.sla.SlaClock;
import ru.otklik.incident.sla.SlaClockKind;
import ru.otklik.incident.sla.SlaEvaluator;
import ru.otklik.incident.sla.SlaPolicies;
import ru.otklik.incident.sla.SlaTargets;
import ru.otklik.testing.IngestedPosts;
import ru.otklik.testing.TestDb;

/**
 * A stored incident that a complaint with a large reach joins: the analysis batch raises its priority, re-targets
 * its running clock from its start, leaves its stopped clock alone and writes one event, on the embedded database.
 */
@QuarkusTest
class PriorityRaiseTest {

    @Inject
    TestDb db;

    @Inject
    PostAnalyzer analyzer;

    @Inject
    SlaEvaluator evaluator;

    @Inject
    SlaPolicies policies;

    @Test
    void aJoiningComplaintWithLargeReachRaisesTheIncidentAndShortensItsRunningClock() {
        String text = "В Чекалине на улице Победы огромные ямы на дороге, машины ломают подвеску";
        AnalysisResult r = analyzer.analyze(text);
        assertThat(r.isComplaint() && r.hasTopic() && r.municipality() != null)
                .as("the fixture must be a complaint with a topic and a town").isTrue();
        String source = "raise-" + UUID.randomUUID();
        long oldPost = db.analysedPost(source, text);
        Instant started = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant replied = started.plus(Duration.ofMinutes(30));
        SlaTargets normal = policies.targetsFor(r.topic().label(), Priority.NORMAL);
        SlaClock firstResponse = evaluator.start(SlaClockKind.FIRST_RESPONSE, 1, normal.firstResponse(), started)
                .stop(replied);
        SlaClock resolution = evaluator.start(SlaClockKind.RESOLUTION, 1, normal.resolution(), started);
        Instant now = Instant.now();
        long incident = storedIncident(r, oldPost, evaluator.evaluate(firstResponse, now).dueAt(),
                evaluator.evaluate(resolution, now).dueAt(), replied);
        for (SlaClock clock : List.of(firstResponse, resolution)) {
            db.update("""
                    insert into incident_sla_clock (incident_id, kind, cycle, started_at, target, working_target_seconds,
                                                    stopped_at)
                    values (?, ?, 1, ?, ?, ?, ?)""", incident, clock.kind().code(), ts(started),
                    clock.target().toString(), clock.workingTarget().toSeconds(),
                    clock.stoppedAt() == null ? null : ts(clock.stoppedAt()));
        }

        joinWithReach(source, incident, "Улица Победы в Чекалине вся в ямах на дороге, машины ломают подвеску");

        // the reach of 6,000 reaches the high threshold (5,000) and nothing reaches the critical one
        SlaTargets high = policies.targetsFor(r.topic().label(), Priority.HIGH);
        SlaClock retargeted = evaluator.retarget(resolution, high.resolution());
        Map<String, Object> row = db.rows("select priority, first_response_due_at, deadline_at, deadline_calendar_at "
                + "from incident where id = ?", incident).get(0);
        assertThat(row.get("priority")).isEqualTo("high");
        assertThat(instant(row.get("deadline_at"))).isEqualTo(evaluator.evaluate(retargeted, now).dueAt())
                .isBefore(evaluator.evaluate(resolution, now).dueAt());
        assertThat(instant(row.get("deadline_calendar_at"))).isEqualTo(evaluator.evaluate(retargeted, now).calendarDueAt());
        assertThat(instant(row.get("first_response_due_at"))).as("the stopped clock keeps its deadline")
                .isEqualTo(evaluator.evaluate(firstResponse, now).dueAt());

        Map<String, Object> running = clock(incident, SlaClockKind.RESOLUTION);
        assertThat(running.get("target")).isEqualTo(high.resolution().toString());
        assertThat(running.get("working_target_seconds")).isEqualTo(retargeted.workingTarget().toSeconds());
        assertThat(instant(running.get("started_at"))).as("re-targeted from its start").isEqualTo(started);
        assertThat(running.get("next_check_at")).as("the escalation scheduler's next look").isNotNull();
        Map<String, Object> stopped = clock(incident, SlaClockKind.FIRST_RESPONSE);
        assertThat(stopped.get("target")).isEqualTo(normal.firstResponse().toString());
        assertThat(instant(stopped.get("stopped_at"))).isEqualTo(replied);
        assertThat(stopped.get("next_check_at")).isNull();

        List<Map<String, Object>> events = db.rows("select reason, payload::text as payload from incident_event "
                + "where incident_id = ? and type = 'priority_changed'", incident);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("reason")).isEqualTo("Приоритет повышен: normal → high");
        assertThat((String) events.get(0).get("payload")).contains("\"from\": \"normal\"", "\"to\": \"high\"",
                "\"reach\": 6000");
    }

    /** An incident without SLA clocks (one imported from «Инцидент Менеджмент», say) keeps its deadlines. */
    @Test
    void anIncidentWithoutClocksGetsItsPriorityAndKeepsItsDeadlines() {
        String text = "В Белёве на улице Рабочей огромные ямы на дороге, машины ломают подвеску";
        AnalysisResult r = analyzer.analyze(text);
        assertThat(r.isComplaint() && r.hasTopic() && r.municipality() != null)
                .as("the fixture must be a complaint with a topic and a town").isTrue();
        String source = "raise-bare-" + UUID.randomUUID();
        Instant due = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        long incident = storedIncident(r, db.analysedPost(source, text), due.minus(Duration.ofDays(2)), due, null);

        joinWithReach(source, incident, "Улица Рабочая в Белёве вся в ямах на дороге, машины ломают подвеску");

        Map<String, Object> row = db.rows("select priority, first_response_due_at, deadline_at from incident where id = ?",
                incident).get(0);
        assertThat(row.get("priority")).isEqualTo("high");
        assertThat(instant(row.get("deadline_at"))).isEqualTo(due);
        assertThat(instant(row.get("first_response_due_at"))).isEqualTo(due.minus(Duration.ofDays(2)));
        assertThat(db.count("select count(*) from incident_sla_clock where incident_id = ?", incident)).isZero();
        assertThat(db.count("select count(*) from incident_event where incident_id = ? and type = 'priority_changed'",
                incident)).isEqualTo(1);
    }

    /** A normal-priority incident of the post's topic and town, with that post, seen an hour ago. */
    private long storedIncident(AnalysisResult r, long post, Instant firstResponseDue, Instant deadline, Instant replied) {
        long incident = ((Number) db.rows("""
                insert into incident (status, topic, municipality_code, priority, title, first_seen_at, last_seen_at,
                                      first_response_due_at, deadline_at, first_response_at, post_count, reach,
                                      conflict_score, created_at, updated_at)
                values ('new', ?, ?, 'normal', 'Ямы на дороге', now() - interval '1 hour', now() - interval '1 hour',
                        ?, ?, ?, 1, 0, 0, now(), now())
                returning id""", r.topic().label(), r.municipality(), ts(firstResponseDue), ts(deadline),
                replied == null ? null : ts(replied)).get(0).get("id")).longValue();
        db.update("insert into incident_post (incident_id, post_id, added_at) values (?, ?, now() - interval '1 hour')",
                incident, post);
        return incident;
    }

    /** Posts a complaint of the incident's subject with 6,000 views and waits until it has joined the incident. */
    private void joinWithReach(String source, long incident, String text) {
        String body = """
                [{"source": "%s", "externalId": "new", "author": "u", "text": "%s", "publishedAt": "%s",
                  "metrics": {"views": 6000}}]"""
                .formatted(source, text, Instant.now());
        long post = IngestedPosts.analysed(db, body);
        assertThat(db.count("select count(*) from incident_post where post_id = ? and incident_id = ?", post, incident))
                .as("the complaint joined the stored incident").isEqualTo(1);
    }

    private Map<String, Object> clock(long incident, SlaClockKind kind) {
        return db.rows("select * from incident_sla_clock where incident_id = ? and kind = ?", incident, kind.code()).get(0);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) timestamp).toInstant();
    }
}
