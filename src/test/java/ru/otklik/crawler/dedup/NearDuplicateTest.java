package ru.otklik.crawler.dedup;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ru.otklik.crawler.CrawlTestSupport.createSource;
import static ru.otklik.crawler.CrawlTestSupport.posts;
import static ru.otklik.crawler.CrawlTestSupport.run;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import ru.otklik.post.Post;

/** A text copied from one source to another is linked to where it first appeared; different texts are not. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class NearDuplicateTest {

    @Inject
    QueuedLinking linking;

    private static final String COMPLAINT = "Жители дома 12 на улице Металлистов в Туле вторую неделю живут без "
            + "горячей воды, управляющая компания на звонки не отвечает, просим администрацию разобраться";

    private static String feed(String guid, String date, String text) {
        return """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
                <item><guid>%s</guid><title>Жалоба</title><pubDate>%s</pubDate><description>%s</description></item>
                <item><guid>%s-other</guid><title>Другое</title><pubDate>%s</pubDate>
                <description>В Новомосковске открыли новый детский сад на двести двадцать мест с бассейном и спортзалом</description></item>
                </channel></rss>""".formatted(guid, date, text, guid, date);
    }

    @Test
    void copiesAcrossSourcesPointAtTheEarliestPost() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    String body = r.getUrl().encodedPath().endsWith("first")
                            ? feed("a-1", "Mon, 04 Mar 2024 09:00:00 +0300", COMPLAINT)
                            : feed("b-1", "Mon, 04 Mar 2024 11:30:00 +0300", "Репост: " + COMPLAINT + " #Тула https://vk.com/wall-1_1");
                    return new MockResponse.Builder().body(body).build();
                }
            });
            server.start();
            createSource("{\"key\":\"dup-first\",\"kind\":\"rss\",\"url\":\"" + server.url("/first") + "\"}").statusCode(201);
            createSource("{\"key\":\"dup-copy\",\"kind\":\"rss\",\"url\":\"" + server.url("/copy") + "\"}").statusCode(201);
            // the copy is crawled first: the original arrives later and still becomes the group's original
            run("dup-copy").body("counts.created", equalTo(2));
            run("dup-first").body("counts.created", equalTo(2));
            linking.drain().await().indefinitely();
            Post original = posts("dup-first").stream().filter(p -> p.externalId.equals("a-1")).findFirst().orElseThrow();
            Post copy = posts("dup-copy").stream().filter(p -> p.externalId.equals("b-1")).findFirst().orElseThrow();
            assertNotNull(original.simhash);
            assertNull(original.originalId);
            assertEquals(original.id, copy.originalId);
            posts("dup-copy").stream().filter(p -> p.externalId.equals("b-1-other")).forEach(p -> assertEquals(
                    posts("dup-first").stream().filter(q -> q.externalId.equals("a-1-other")).findFirst().orElseThrow().id,
                    p.originalId == null ? null : p.originalId, "the identical kindergarten news is a copy too"));
            run("dup-copy").body("counts.created", equalTo(0));
        }
    }
}
