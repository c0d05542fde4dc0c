package ru.otklik.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.security.TestCredentials.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.testing.IngestedPosts;
import ru.otklik.testing.TestDb;

/**
 * A membership carries its post's publication time and version (V76), which the incidents' growth, the alerts and
 * grouping read: set by the analysis batch, filled from the post when an insert does not name them, and moved with the
 * post on an edit, on the embedded database.
 */
@QuarkusTest
class IncidentPostPublishedAtTest {

    private static final String TEXT = "В Суворове на улице Тульской мусор не вывозят неделю, контейнеры переполнены";

    @Inject
    TestDb db;

    @Test
    void theAnalysisBatchStoresItAndAnEditOfThePostMovesIt() {
        String source = "published-" + UUID.randomUUID();
        long post = IngestedPosts.analysed(db, IngestedPosts.item(source, TEXT));
        assertThat(mismatches(post)).as("the complaint's membership has its post's time").isEqualTo(0);
        assertThat(db.count("select count(*) from incident_post where post_id = ?", post)).isEqualTo(1);

        asAdmin().contentType(ContentType.JSON).body("""
                [{"source": "%s", "externalId": "new", "author": "u", "text": "%s", "publishedAt": "2026-01-02T03:04:05Z"}]"""
                .formatted(source, TEXT + " Уже вторую неделю.")).post("/api/posts").then().statusCode(200);

        List<Map<String, Object>> rows = db.rows("select p.version, m.post_version, "
                + "m.published_at = timestamptz '2026-01-02 03:04:05Z' as moved "
                + "from post p join incident_post m on m.post_id = p.id where p.id = ?", post);
        assertThat(rows).hasSize(1);
        assertThat(((Number) rows.get(0).get("version")).intValue()).as("the post was edited").isEqualTo(2);
        assertThat(((Number) rows.get(0).get("post_version")).intValue()).as("the membership has the new version")
                .isEqualTo(2);
        assertThat(rows.get(0).get("moved")).as("the membership follows the post's new time").isEqualTo(true);
    }

    @Test
    void anInsertThatDoesNotNameItTakesItFromThePostEvenOneInsertedByTheSameStatement() {
        String source = "published-" + UUID.randomUUID();
        long sourceId = ((Number) db.rows("insert into source (key, kind, title, origin) values (?, 'api', ?, 'api') "
                + "returning id", source, source).get(0).get("id")).longValue();
        long incident = ((Number) db.rows("""
                insert into incident (status, topic, priority, title, first_seen_at, last_seen_at, deadline_at, post_count,
                                      reach, conflict_score, created_at, updated_at)
                values ('new', (select min(code) from topic), 'normal', 'Мусор', now(), now(), now() + interval '3 days',
                        2, 0, 0, now(), now())
                returning id""")
                .get(0).get("id")).longValue();
        long earlier = ((Number) db.rows("""
                insert into post (source_id, external_id, author_pseudonym, text, content_hash, published_at, fetched_at,
                                  analysis_state, created_at, updated_at)
                values (?, 'a', md5('a'), ?, md5('a'), now() - interval '5 hours', now(), 'done', now(), now())
                returning id""", sourceId, TEXT).get(0).get("id")).longValue();
        db.update("insert into incident_post (incident_id, post_id) values (?, ?)", incident, earlier);
        long together = ((Number) db.rows("""
                with p as (insert into post (source_id, external_id, author_pseudonym, text, content_hash, published_at,
                                             fetched_at, analysis_state, created_at, updated_at)
                           values (?, 'b', md5('b'), ?, md5('b'), now() - interval '7 hours', now(), 'done', now(), now())
                           returning id)
                insert into incident_post (incident_id, post_id) select ?, id from p returning post_id""",
                sourceId, TEXT, incident).get(0).get("post_id")).longValue();

        assertThat(db.count("select count(*) from incident_post where incident_id = ? and published_at is not null",
                incident)).isEqualTo(2);
        assertThat(mismatches(earlier)).isEqualTo(0);
        assertThat(mismatches(together)).isEqualTo(0);
    }

    private long mismatches(long post) {
        return db.count("select count(*) from incident_post m join post p on p.id = m.post_id "
                + "where m.post_id = ? and (m.published_at is distinct from p.published_at "
                + "or m.post_version is distinct from p.version)", post);
    }
}
