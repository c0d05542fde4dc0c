package ru.otklik.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.otklik.security.TestCredentials.asAdmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ru.otklik.testing.TestDb;

/**
 * A post edited while its analysis batch is in flight, on the embedded database with two connections. The batch's
 * MARK updates the post row before the memberships are inserted, so the batch holds the row's lock until it commits:
 * an edit waits for that commit, and its V76 trigger (a statement of its own, a fresh snapshot in READ COMMITTED)
 * then sees the committed membership and gives it the new version. An edit that holds the row first makes MARK wait,
 * and MARK then finds the version moved on and leaves the post to the queue (no membership with the old version).
 */
@QuarkusTest
class MembershipVersionRaceTest {

    private static final String TEXT = "В Суворове на улице Тульской мусор не вывозят неделю, контейнеры переполнены";

    @Inject
    TestDb db;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEditDuringTheBatchWaitsForItsCommitAndTheMembershipGetsTheNewVersion() throws Exception {
        String source = "race-" + UUID.randomUUID();
        long post = db.analysedPost(source, TEXT);
        long incident = incident();
        CompletableFuture<Integer> edit;
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            List<Map<String, Object>> marked = mark(batch, post, 1);
            assertThat(marked).as("MARK returns the post at the analysed version").hasSize(1);
            Instant publishedAt = ((Timestamp) db.rows("select published_at from post where id = ?", post).get(0)
                    .get("published_at")).toInstant();
            insertMembership(batch, incident, post, 1, publishedAt);
            int batchPid = backendPid(batch);

            edit = CompletableFuture.supplyAsync(() -> asAdmin().contentType(ContentType.JSON).body("""
                    [{"source": "%s", "externalId": "old", "author": "u", "text": "%s", "publishedAt": "2026-01-02T03:04:05Z"}]"""
                    .formatted(source, TEXT + " Уже вторую неделю.")).post("/api/posts").then().extract().statusCode());
            await().atMost(Duration.ofSeconds(60)).until(() -> edit.isDone() || waitingOn(batchPid) > 0);
            assertThat(edit).as("the edit waits for the batch's lock on the post row").isNotDone();
            batch.commit();
        }
        assertThat(edit.get(60, TimeUnit.SECONDS)).isEqualTo(200);

        List<Map<String, Object>> rows = db.rows("select p.version, m.post_version, "
                + "m.published_at = timestamptz '2026-01-02 03:04:05Z' as moved "
                + "from post p join incident_post m on m.post_id = p.id where p.id = ?", post);
        assertThat(rows).hasSize(1);
        assertThat(((Number) rows.get(0).get("version")).intValue()).as("the post was edited").isEqualTo(2);
        assertThat(((Number) rows.get(0).get("post_version")).intValue())
                .as("the membership the batch committed has the edit's version").isEqualTo(2);
        assertThat(rows.get(0).get("moved")).as("and the edit's publication time").isEqualTo(true);
    }

    /**
     * The ingest's edit first locks the post {@code for update} (PostUpsertSql.LOCK_EXISTING), which the membership
     * insert's foreign-key check ({@code for key share}) blocks too; a plain update of the version (no key column) is
     * not blocked by that check, only by MARK's update of the row, so this one proves MARK's lock.
     */
    @Test
    void aPlainUpdateOfTheVersionWaitsForMarksLockAndItsTriggerSeesTheMembership() throws Exception {
        long post = db.analysedPost("race-" + UUID.randomUUID(), TEXT);
        long incident = incident();
        CompletableFuture<Integer> edit;
        try (Connection batch = dataSource.getConnection(); Connection editor = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            assertThat(mark(batch, post, 1)).hasSize(1);
            insertMembership(batch, incident, post, 1, Instant.now());
            int batchPid = backendPid(batch);
            edit = CompletableFuture.supplyAsync(() -> {
                try (PreparedStatement st = editor.prepareStatement("update post set version = version + 1, "
                        + "analysis_state = 'pending' where id = ?")) {
                    st.setLong(1, post);
                    return st.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> edit.isDone() || waitingOn(batchPid) > 0);
            assertThat(edit).as("the update waits for MARK's lock on the post row").isNotDone();
            batch.commit();
            assertThat(edit.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(db.count("select post_version from incident_post where post_id = ?", post))
                .as("the trigger, run after the batch's commit, gave the membership the new version").isEqualTo(2);
    }

    @Test
    void markWaitingForAnEditFindsTheVersionMovedAndLeavesThePostToTheQueue() throws Exception {
        long post = db.analysedPost("race-" + UUID.randomUUID(), TEXT);
        CompletableFuture<List<Map<String, Object>>> marked;
        try (Connection edit = dataSource.getConnection(); Connection batch = dataSource.getConnection()) {
            edit.setAutoCommit(false);
            try (PreparedStatement st = edit.prepareStatement("update post set version = version + 1, text = ?, "
                    + "analysis_state = 'pending' where id = ?")) {
                st.setString(1, TEXT + " Уже вторую неделю.");
                st.setLong(2, post);
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            int editPid = backendPid(edit);
            batch.setAutoCommit(false);
            marked = CompletableFuture.supplyAsync(() -> {
                try {
                    List<Map<String, Object>> rows = mark(batch, post, 1);
                    batch.commit();
                    return rows;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> marked.isDone() || waitingOn(editPid) > 0);
            assertThat(marked).as("MARK waits for the edit's lock on the post row").isNotDone();
            edit.commit();
            assertThat(marked.get(60, TimeUnit.SECONDS)).as("the post moved on: not marked, not routed").isEmpty();
        }
        assertThat(db.count("select count(*) from post where id = ? and version = 2", post)).as("the edit stands")
                .isEqualTo(1);
        assertThat(db.count("select count(*) from incident_post m join post p on p.id = m.post_id "
                + "where m.post_id = ? and m.post_version <> p.version", post))
                .as("no membership with the version the batch analysed").isEqualTo(0);
    }

    /** AnalysisStore's own MARK for one post at a version, on the batch's connection; the posts it returns. */
    private static List<Map<String, Object>> mark(Connection c, long post, int version) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(AnalysisStore.MARK.replace(":rows", "?"))) {
            // the statement reads the batch's rows twice (the claims it drops, the posts it marks)
            for (int i = 1; i <= st.getParameterMetaData().getParameterCount(); i++) {
                st.setString(i, "[{\"id\": %d, \"version\": %d, \"state\": \"done\"}]".formatted(post, version));
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new ObjectMapper().readValue(rs.getString(1), new TypeReference<List<Map<String, Object>>>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The membership as the batch inserts it (IncidentWrites.MemberRow): naming the version MARK returned. */
    private static void insertMembership(Connection c, long incident, long post, int version, Instant publishedAt)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into incident_post (incident_id, post_id, post_version, "
                + "added_at, published_at) values (?, ?, ?, now(), ?)")) {
            st.setLong(1, incident);
            st.setLong(2, post);
            st.setInt(3, version);
            st.setTimestamp(4, Timestamp.from(publishedAt));
            st.executeUpdate();
        }
    }

    private long incident() {
        return ((Number) db.rows("""
                insert into incident (status, topic, priority, title, first_seen_at, last_seen_at, deadline_at, post_count,
                                      reach, conflict_score, created_at, updated_at)
                values ('new', (select min(code) from topic), 'normal', 'Мусор', now(), now(), now() + interval '3 days',
                        1, 0, 0, now(), now())
                returning id""").get(0).get("id")).longValue();
    }

    private static int backendPid(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_backend_pid()"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Backends waiting for a lock the given backend holds. */
    private long waitingOn(int pid) {
        return db.count("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))", pid);
    }
}
