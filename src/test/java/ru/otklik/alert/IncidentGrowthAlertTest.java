package ru.otklik.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.analysis.AnalysisResult;
import ru.otklik.analysis.PostAnalyzer;
import ru.otklik.testing.IngestedPosts;
import ru.otklik.testing.TestDb;

/**
 * An analysed complaint joins a stored incident with posts published inside and outside the growth window (1 h):
 * the batch's alert facts count the incident's posts published within the window before the new post, itself
 * included, and the growth alert carries that count, on the embedded database.
 */
@QuarkusTest
class IncidentGrowthAlertTest {

    private static final String TEXT = "В Суворове на улице Тульской мусор не вывозят неделю, контейнеры переполнены";

    @Inject
    TestDb db;

    @Inject
    PostAnalyzer analyzer;

    @Test
    void theGrowthAlertCountsTheIncidentsPostsPublishedWithinTheWindowBeforeTheNewPost() {
        AnalysisResult r = analyzer.analyze(TEXT);
        assertThat(r.isComplaint() && r.hasTopic() && r.municipality() != null)
                .as("the fixture must be a complaint with a topic and a town").isTrue();
        String source = "growth-" + UUID.randomUUID();
        long sourceId = ((Number) db.rows("insert into source (key, kind, title, origin) values (?, 'api', ?, 'api') "
                + "returning id", source, source).get(0).get("id")).longValue();
        long incident = ((Number) db.rows("""
                insert into incident (status, topic, municipality_code, priority, title, first_seen_at, last_seen_at,
                                      deadline_at, post_count, reach, conflict_score, created_at, updated_at)
                values ('new', ?, ?, 'normal', 'Мусор не вывозят', now() - interval '3 hours', now() - interval '10 minutes',
                        now() + interval '3 days', 14, 0, 0, now(), now())
                returning id""", r.topic().label(), r.municipality()).get(0).get("id")).longValue();
        // 11 posts within the hour before the new one, 3 before it: the window counts 11 of them and the new post
        for (int i = 0; i < 14; i++) {
            String published = i < 11 ? "now() - interval '" + (5 + i) + " minutes'" : "now() - interval '" + i + " hours'";
            db.update("""
                    with p as (insert into post (source_id, external_id, author_pseudonym, text, content_hash, published_at,
                                                 fetched_at, analysis_state, created_at, updated_at)
                               values (?, ?, md5(?), ?, md5(?), %s, now(), 'done', now(), now()) returning id)
                    insert into incident_post (incident_id, post_id, added_at) select ?, id, now() - interval '10 minutes' from p"""
                    .formatted(published), sourceId, "old-" + i, "old-" + i, TEXT, TEXT + i, incident);
        }

        long post = IngestedPosts.analysed(db, IngestedPosts.item(source,
                "На улице Тульской в Суворове мусор не вывозят уже неделю, контейнеры переполнены"));
        assertThat(db.count("select count(*) from incident_post where post_id = ? and incident_id = ?", post, incident))
                .as("the complaint joined the stored incident").isEqualTo(1);

        List<Map<String, Object>> alerts = db.rows("select post_id, value, threshold from alert "
                + "where subject_type = 'incident' and subject_id = ? and kind = 'growth'", incident);
        assertThat(alerts).hasSize(1);
        assertThat(((Number) alerts.get(0).get("value")).doubleValue()).isEqualTo(12.0);
        assertThat(((Number) alerts.get(0).get("threshold")).doubleValue()).isEqualTo(10.0);
        assertThat(((Number) alerts.get(0).get("post_id")).longValue()).isEqualTo(post);
    }
}
