package ru.otklik.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.otklik.security.TestCredentials.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.incident.grouping.TermVector;
import ru.otklik.testing.IngestedPosts;
import ru.otklik.testing.TestDb;

/** A batch stored by the set-based store, on the embedded database: grouping within it, and storing it twice. */
@QuarkusTest
class AnalysisBatchTest {

    @Inject
    TestDb db;

    @Inject
    AnalysisStore store;

    @Inject
    PostAnalyzer analyzer;

    /**
     * The two complaints {@code IncidentFlowTest} groups, moved to another town so that the incident left
     * behind here is no candidate for that test's posts; stored in one request and so in one batch.
     */
    private static final String[] TEXTS = {
        "В Ефремове на улице Свердлова огромные ямы на дороге, машины ломают подвеску",
        "Улица Свердлова в Ефремове вся в ямах, дорогу разбили, подвеска не выдерживает",
    };

    @Test
    void aBatchStoredAgainAfterACrashChangesNothing() throws Throwable {
        String source = "batch-" + UUID.randomUUID();
        List<Long> ids = ingest(source);
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                "select count(*) from post where id = any(?) and analysis_state = 'done'", array(ids)) == ids.size());
        Map<String, Object> before = state(ids);
        assertThat((Long) before.get("incidents")).as("the batch's complaints about one pothole share an incident")
                .isEqualTo(1L);
        assertThat((Long) before.get("members")).isEqualTo(2L);

        // as after a crash between the commit and the worker's acknowledgement: the same batch comes again
        db.update("update post set analysis_state = 'pending' where id = any(?)", array(ids));
        db.update("insert into analysis_claim (post_id, node, claimed_at, attempts) "
                + "select unnest(?::bigint[]), 'crashed-node', now(), 1", array(ids));
        List<AnalysisStore.Analysed> batch = ids.stream().map(id -> {
            String text = (String) db.rows("select text from post where id = ?", id).get(0).get("text");
            AnalysisResult r = analyzer.analyze(text);
            return new AnalysisStore.Analysed(new ClaimedPost(id, 1, text), r,
                    r.isComplaint() && r.hasTopic() ? TermVector.of(text) : null);
        }).toList();
        VertxContextSupport.subscribeAndAwait(() -> store.save(batch));

        assertThat(state(ids)).isEqualTo(before);
        assertThat(db.count("select count(*) from analysis_claim where post_id = any(?)", array(ids)))
                .as("the stored batch drops its claims").isZero();
        assertThat(db.count("select count(*) from post where id = any(?) and analysis_state = 'done'", array(ids)))
                .isEqualTo(2);
    }

    /**
     * An incident from before this start (its post was never stemmed by this process, so grouping reads its text
     * and stems it on the grouping thread, then goes on with the transaction on the event loop): a new complaint
     * about the same potholes joins it, and its counters and event are written in the same transaction.
     */
    @Test
    void aComplaintJoinsAnIncidentWhosePostsWereNeverStemmedHere() {
        String text = "В Одоеве на улице Ленина огромные ямы на дороге, машины ломают подвеску";
        AnalysisResult r = analyzer.analyze(text);
        assertThat(r.isComplaint() && r.hasTopic()).as("the fixture must be a complaint with a topic").isTrue();
        String source = "old-" + UUID.randomUUID();
        long oldPost = db.analysedPost(source, text);
        long incident = ((Number) db.rows("""
                insert into incident (status, topic, municipality_code, priority, title, first_seen_at, last_seen_at,
                                      first_response_due_at, deadline_at, post_count, reach, conflict_score,
                                      created_at, updated_at)
                values ('new', ?, ?, 'normal', 'Ямы на улице Ленина', now() - interval '1 hour',
                        now() - interval '1 hour', now() + interval '1 day', now() + interval '8 days', 1, 0, 0,
                        now(), now())
                returning id""", r.topic().label(), r.municipality()).get(0).get("id")).longValue();
        db.update("insert into incident_post (incident_id, post_id, added_at) values (?, ?, now() - interval '1 hour')",
                incident, oldPost);

        long post = IngestedPosts.analysed(db, IngestedPosts.item(source,
                "Улица Ленина в Одоеве вся в ямах на дороге, машины ломают подвеску"));

        assertThat(db.count("select count(*) from incident_post where post_id = ? and incident_id = ?", post, incident))
                .as("the complaint joined the incident from before").isEqualTo(1);
        assertThat(db.count("select post_count from incident where id = ?", incident)).isEqualTo(2);
        assertThat(db.count("select count(*) from incident_event where incident_id = ? and type = 'post_joined'",
                incident)).isEqualTo(1);
    }

    private List<Long> ingest(String source) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < TEXTS.length; i++) {
            body.append(i == 0 ? "" : ",").append("""
                    {"source": "%s", "externalId": "%d", "author": "u%d", "text": "%s %s", "publishedAt": "%s",
                     "metrics": {"likes": 3, "views": 100}}""".formatted(source, i, i, TEXTS[i], source, Instant.now()));
        }
        return asAdmin().contentType(ContentType.JSON).body(body.append("]").toString()).post("/api/posts")
                .then().statusCode(200).extract().jsonPath().getList("items.postId", Integer.class)
                .stream().map(Integer::longValue).toList();
    }

    /** Everything storing the batch writes, counted. */
    private Map<String, Object> state(List<Long> ids) {
        Object posts = array(ids);
        return db.rows("""
                select (select count(*) from post_analysis where post_id = any(?)) as analyses,
                       (select count(distinct incident_id) from incident_post where post_id = any(?)) as incidents,
                       (select count(*) from incident_post where post_id = any(?)) as members,
                       (select count(*) from incident_event e join incident_post m on m.incident_id = e.incident_id
                        where m.post_id = any(?)) as events,
                       (select count(*) from incident_sla_clock c join incident_post m on m.incident_id = c.incident_id
                        where m.post_id = any(?)) as clocks,
                       (select max(i.post_count) from incident i join incident_post m on m.incident_id = i.id
                        where m.post_id = any(?)) as post_count,
                       (select max(i.reach) from incident i join incident_post m on m.incident_id = i.id
                        where m.post_id = any(?)) as reach,
                       (select count(*) from alert where post_id = any(?)) as alerts""",
                posts, posts, posts, posts, posts, posts, posts, posts).get(0);
    }

    private static Object array(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).boxed().toArray(Long[]::new);
    }
}
