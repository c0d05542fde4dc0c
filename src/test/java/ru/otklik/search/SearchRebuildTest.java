package ru.otklik.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.otklik.testing.TestDb;

/**
 * A rebuild walks the analysed posts page by page (1,000 a page) to the last one: posts of the first, a middle and
 * the last page are all found afterwards, and the count is the database's.
 */
@QuarkusTest
class SearchRebuildTest {

    @Inject
    TestDb db;

    @Inject
    SearchService search;

    @Test
    void aRebuildIndexesEveryPageOfAnalysedPosts() {
        String key = "rebuild-" + UUID.randomUUID();
        db.update("insert into source (key, kind, origin) values (?, 'api', 'api')", key);
        // One statement for the 2,500 posts: three pages, the last one partial.
        db.update("insert into post (source_id, external_id, text, content_hash, published_at, fetched_at, analysis_state) "
                + "select s.id, 'r' || n, 'Отчёт номер ' || n || ' про лавку' || n, 'h' || n, now(), now(), 'done' "
                + "from source s, generate_series(1, 2500) n where s.key = ?", key);
        long analysed = db.count("select count(*) from post where analysis_state = 'done'");

        long indexed = search.rebuild().await().indefinitely();

        assertThat(indexed).isEqualTo(analysed);
        for (int n : new int[] {1, 1250, 2500}) {
            SearchResult hits = search.search(new SearchQuery("лавку" + n, null, key, null, null, null, 0, 10))
                    .await().indefinitely();
            assertThat(hits.total()).as("post %d", n).isEqualTo(1);
        }
    }
}
