package ru.otklik.crawler.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.otklik.crawler.CrawlTestSupport.createSource;
import static ru.otklik.crawler.CrawlTestSupport.posts;
import static ru.otklik.crawler.CrawlTestSupport.run;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** A feedless news page read with CSS selectors; robots.txt obeyed; a selector that finds nothing is a failure. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class WebCrawlTest {

    private static final String PAGE = """
            <html><body>
              <div class="news-item"><h3><a href="/news/1">Ремонт теплотрассы</a></h3><span class="date">04.03.2024</span>
                <div class="preview">Улица Болдина, до 15 марта.</div></div>
              <div class="news-item"><h3><a href="/news/2">Вывоз снега</a></h3><span class="date">05.03.2024</span>
                <div class="preview">Работы ночью.</div></div>
            </body></html>""";

    @Test
    void readsAllowedPagesAndRespectsRobots() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    return switch (r.getUrl().encodedPath()) {
                        case "/robots.txt" -> new MockResponse.Builder().body("User-agent: *\nDisallow: /private/\n").build();
                        case "/news", "/private/news" -> new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8").body(PAGE).build();
                        case "/redesigned" -> new MockResponse.Builder().body("<html><body><ul><li>новая вёрстка</li></ul></body></html>").build();
                        default -> new MockResponse.Builder().code(404).build();
                    };
                }
            });
            server.start();
            String selectors = "\"selectors\":{\"item\":\"div.news-item\",\"title\":\"h3\",\"text\":\".preview\",\"date\":\".date\",\"link\":\"h3 a\"},\"dateFormat\":\"dd.MM.yyyy\"";
            createSource("{\"key\":\"web-news\",\"kind\":\"web\",\"url\":\"" + server.url("/news") + "\"," + selectors + "}").statusCode(201);
            run("web-news").body("outcome", equalTo("success")).body("counts.created", equalTo(2));
            Set<String> ids = posts("web-news").stream().map(p -> p.externalId).collect(Collectors.toSet());
            assertEquals(Set.of(server.url("/news/1").toString(), server.url("/news/2").toString()), ids);
            run("web-news").body("counts.created", equalTo(0));

            createSource("{\"key\":\"web-private\",\"kind\":\"web\",\"url\":\"" + server.url("/private/news") + "\"," + selectors + "}").statusCode(201);
            run("web-private").body("outcome", equalTo("skipped")).body("error", containsString("robots.txt"));
            assertEquals(0, posts("web-private").size());

            createSource("{\"key\":\"web-redesigned\",\"kind\":\"web\",\"url\":\"" + server.url("/redesigned") + "\"," + selectors + "}").statusCode(201);
            run("web-redesigned").body("outcome", equalTo("transient")).body("error", containsString("div.news-item"));

            createSource("{\"key\":\"web-bad\",\"kind\":\"web\",\"url\":\"ftp://x\",\"selectors\":{\"item\":\"div[\",\"colour\":\"p\"},\"dateFormat\":\"qqqq-bb\"}")
                    .statusCode(400).body("detail", containsString("'url'")).body("detail", containsString("'selectors.item'"))
                    .body("detail", containsString("'selectors.colour'")).body("detail", containsString("'dateFormat'"));
        }
    }
}
