package ru.otklik.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static ru.otklik.security.TestCredentials.asAdmin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.testing.TestDb;

/** Analyses name their model versions by a {@code model_set} row (V73), on the embedded database. */
@QuarkusTest
class ModelSetsTest {

    @Inject
    TestDb db;

    @Inject
    Pool pool;

    @Inject
    AnalysisStore store;

    @Inject
    PostAnalyzer analyzer;

    @Inject
    ObjectMapper json;

    @Test
    void theQueueStoresABatchsVersionsOnceAndEveryAnalysisNamesThem() throws Exception {
        String source = "model-set-" + UUID.randomUUID();
        String[] texts = {"На улице Мира в Туле не убирают снег " + source, "В Туле отключили горячую воду " + source};
        String body = "[" + String.join(",", List.of(0, 1).stream().map(i -> """
                {"source": "%s", "externalId": "%d", "author": "u%d", "text": "%s", "publishedAt": "%s"}"""
                .formatted(source, i, i, texts[i], Instant.now())).toList()) + "]";
        List<Long> ids = asAdmin().contentType(ContentType.JSON).body(body).post("/api/posts").then().statusCode(200)
                .extract().jsonPath().getList("items.postId", Integer.class).stream().map(Integer::longValue).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count("select count(*) from post_analysis "
                + "where post_id = any(?)", (Object) ids.toArray(Long[]::new)) == 2);

        List<Map<String, Object>> sets = db.rows("select distinct a.model_set_id, m.versions = cast(? as jsonb) as same "
                        + "from post_analysis a left join model_set m on m.id = a.model_set_id where a.post_id = any(?)",
                json.writeValueAsString(analyzer.analyze(texts[0]).modelVersions()), ids.toArray(Long[]::new));
        assertThat(sets).as("both analyses name one set").hasSize(1);
        assertThat(sets.get(0).get("model_set_id")).isNotNull();
        assertThat(sets.get(0).get("same")).as("the set holds the analyser's versions").isEqualTo(true);
    }

    @Test
    void aSetStoredByAnotherNodeOrAnEarlierStartIsFoundNotRepeated() throws Throwable {
        Map<String, String> versions = Map.of("topic", "topic-" + UUID.randomUUID(), "rules/topics.tsv", "1");
        long first = VertxContextSupport.subscribeAndAwait(() -> new ModelSets(pool).idOf(versions));
        long second = VertxContextSupport.subscribeAndAwait(() -> new ModelSets(pool).idOf(versions));

        assertThat(second).isEqualTo(first);
        assertThat(db.count("select count(*) from model_set where versions ->> 'topic' = ?", versions.get("topic")))
                .isEqualTo(1);
    }

    /** The set is committed on its own before the batch: a batch that rolls back leaves the next one a valid id. */
    @Test
    void aSetOutlivesTheBatchThatFailedAndServesTheNextOne() throws Throwable {
        Map<String, String> versions = Map.of("langdetect", "test-" + UUID.randomUUID());
        AnalysisResult english = AnalysisResult.languageOnly("en", versions);
        AnalysisStore.Analysed missing = new AnalysisStore.Analysed(new ClaimedPost(-1, 1, "no such post"), english, null);
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> store.save(List.of(missing))))
                .as("an analysis of a post that does not exist breaks its batch's transaction").isNotNull();
        assertThat(db.count("select count(*) from model_set where versions ->> 'langdetect' = ?",
                versions.get("langdetect"))).isEqualTo(1);

        long post = post("Hello from the model set test " + UUID.randomUUID());
        VertxContextSupport.subscribeAndAwait(() -> store.save(List.of(
                new AnalysisStore.Analysed(new ClaimedPost(post, 1, "hello"), english, null))));

        assertThat(db.count("select count(*) from post_analysis a join model_set m on m.id = a.model_set_id "
                + "where a.post_id = ? and m.versions ->> 'langdetect' = ?", post, versions.get("langdetect")))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from post where id = ? and analysis_state = 'skipped'", post)).isEqualTo(1);
    }

    /** A post outside the queue (state {@code done}), so only the test stores its analysis. */
    private long post(String text) {
        String source = "model-set-" + UUID.randomUUID();
        long sourceId = ((Number) db.rows("insert into source (key, kind, title, origin) values (?, 'api', ?, 'api') "
                + "returning id", source, source).get(0).get("id")).longValue();
        return ((Number) db.rows("""
                insert into post (source_id, external_id, author_pseudonym, text, content_hash, published_at, fetched_at,
                                  analysis_state, created_at, updated_at)
                values (?, 'p', md5('p'), ?, md5(?), now(), now(), 'done', now(), now())
                returning id""", sourceId, text, text).get(0).get("id")).longValue();
    }
}
