package ru.otklik.crawler.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.otklik.crawler.CrawlTestSupport.createSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import ru.otklik.crawler.CrawlTestSupport;
import ru.otklik.crawler.Fixtures;
import ru.otklik.testing.TestDb;

/** A due source is crawled by the scheduler's own tick, on the context it creates (not by a REST call). */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class CrawlSchedulerTest {

    @Inject
    CrawlScheduler scheduler;

    @Inject
    TestDb db;

    @Test
    void aDueSourceIsCrawledByTheTick() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body(new Buffer().write(Fixtures.bytes("rss/lenta.xml")))
                    .setHeader("Content-Type", "application/rss+xml; charset=utf-8").build());
            createSource("""
                    {"key": "scheduled-lenta", "kind": "rss", "title": "Лента", "url": "%s", "interval": "1h"}
                    """.formatted(server.url("/rss"))).statusCode(201);
            db.update("update source set next_run_at = now() - interval '1 minute' where key = 'scheduled-lenta'");

            CrawlTestSupport.await(() -> scheduler.tick(true));

            await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                    "select count(*) from post p join source s on s.id = p.source_id where s.key = 'scheduled-lenta'") == 198);
            await().atMost(Duration.ofSeconds(10)).until(() -> !db.rows(
                    "select last_success_at from source where key = 'scheduled-lenta' and last_success_at is not null").isEmpty());
            assertThat(db.rows("select next_run_at > now() as later from source where key = 'scheduled-lenta'").get(0))
                    .containsEntry("later", true);
        }
    }
}
