package ru.otklik.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.source.Source;
import ru.otklik.testing.TestDb;

/**
 * The batch statements run on the Hibernate session's own connection, not through its native query: they must still
 * see what the session changed before them, and commit or roll back with the caller's transaction, on the embedded
 * database.
 */
@QuarkusTest
class JsonSqlTest {

    private static final String RETITLE = "update source s set title = 'changed' from " + JsonSql.recordset(Key.class)
            + " where s.key = r.key";

    @Inject
    JsonSql sql;

    @Inject
    TestDb db;

    record Key(String key) {
    }

    record Titled(long id, String title) {
    }

    @Test
    void aStatementSeesWhatTheSessionChangedBeforeItAndItsRowsComeBackAsRecords() throws Throwable {
        String key = source();
        List<Titled> seen = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Source
                .<Source>find("key", key).firstResult()
                .invoke(s -> s.title = "new, not flushed yet")
                .chain(() -> sql.query("select s.id, s.title from source s, " + JsonSql.recordset(Key.class)
                        + " where s.key = r.key", List.of(new Key(key)), Titled.class))));

        assertThat(seen).extracting(Titled::title).containsExactly("new, not flushed yet");
        assertThat(seen.get(0).id()).isEqualTo(db.count("select id from source where key = ?", key));
    }

    @Test
    void theSessionIsFlushedOnlyWhenItHoldsAnEntityOrAQueuedAction() throws Throwable {
        String key = source();
        List<Boolean> nothingToFlush = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                Panache.getSession().chain(session -> {
                    boolean fresh = JsonSql.nothingToFlush(session);
                    return Source.<Source>find("key", key).firstResult()
                            .map(loaded -> List.of(fresh, JsonSql.nothingToFlush(session)));
                })));

        assertThat(nothingToFlush).as("a fresh session, then one that manages a loaded source")
                .containsExactly(true, false);
    }

    @Test
    void aStatementCommitsAndRollsBackWithTheCallersTransaction() throws Throwable {
        String key = source();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> sql
                .execute(RETITLE, List.of(new Key(key)))
                .chain(changed -> Uni.createFrom().failure(new IllegalStateException("changed " + changed
                        + " row, then the batch failed"))))))
                .hasMessageContaining("changed 1 row, then the batch failed");
        assertThat(titleOf(key)).as("rolled back with the transaction").isEqualTo("old");

        int changed = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> sql
                .execute(RETITLE, List.of(new Key(key), new Key("no-such-source-" + key)))));

        assertThat(changed).isEqualTo(1);
        assertThat(titleOf(key)).isEqualTo("changed");
    }

    @Test
    void theNamedParameterIsNumberedForTheClientAndACastIsLeftAlone() {
        assertThat(JsonSql.positional("select cast(cast(:rows as text) as jsonb), x::rows, :rowsy, (:rows)"))
                .isEqualTo("select cast(cast($1 as text) as jsonb), x::rows, :rowsy, ($1)");
    }

    private String source() {
        String key = "json-sql-" + UUID.randomUUID();
        db.update("insert into source (key, kind, title, origin) values (?, 'api', 'old', 'api')", key);
        return key;
    }

    private String titleOf(String key) {
        return (String) db.rows("select title from source where key = ?", key).get(0).get("title");
    }
}
