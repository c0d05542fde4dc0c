package ru.otklik.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.testing.TestDb;

/**
 * A post stored with {@code published_at = ±infinity} before the API refused such dates (issue 15: it failed
 * every rebuild and, with it, the next start) is indexed like any other.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class StoredPoisonTest {

    @Inject
    TestDb db;

    @Inject
    SearchService search;

    @Test
    void aRebuildIndexesPostsDatedInfinity() {
        String key = "poison-" + UUID.randomUUID();
        db.update("insert into source (key, kind, origin) values (?, 'api', 'api')", key);
        for (String when : new String[] {"infinity", "-infinity"}) {
            db.update("insert into post (source_id, external_id, text, content_hash, published_at, fetched_at, analysis_state) "
                    + "select id, ?, 'Яма на бесконечной дороге', 'h', '" + when + "', now(), 'done' from source where key = ?",
                    when, key);
        }
        long analysed = db.count("select count(*) from post where analysis_state = 'done'");

        long indexed = search.rebuild().await().indefinitely();

        assertThat(indexed).isEqualTo(analysed);
        SearchResult hits = search.search(new SearchQuery("бесконечной", null, key, null, null, null, 0, 10))
                .await().indefinitely();
        assertThat(hits.total()).isEqualTo(2);
    }
}
