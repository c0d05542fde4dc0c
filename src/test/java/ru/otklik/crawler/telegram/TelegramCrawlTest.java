package ru.otklik.crawler.telegram;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.otklik.crawler.CrawlTestSupport.createSource;
import static ru.otklik.crawler.CrawlTestSupport.posts;
import static ru.otklik.crawler.CrawlTestSupport.run;
import static ru.otklik.crawler.CrawlTestSupport.source;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.otklik.crawler.FakePlatforms;
import ru.otklik.source.Source;

/**
 * t.me/s channels through a local fake: paging back with ?before=, a crawl cut in the middle and resumed
 * (the restart test), channels without messages or preview, malformed pages.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@QuarkusTestResource(FakePlatforms.class)
class TelegramCrawlTest {

    private static final int PAGE = 20;
    /** Newest message id per channel; each channel has messages 1..newest. */
    private static final java.util.Map<String, AtomicInteger> NEWEST = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void fake() {
        FakePlatforms.reset();
        FakePlatforms.handle("/s/", TelegramCrawlTest::page);
    }

    /** A t.me/s page in the real markup's shape: up to 20 messages before the given id, oldest first. */
    static MockResponse page(RecordedRequest r) {
        String channel = r.getUrl().pathSegments().get(1);
        if (channel.equals("privatechan")) {
            return html("<div class=\"tgme_page\"><div class=\"tgme_page_title\">Private</div></div>");
        }
        int newest = NEWEST.getOrDefault(channel, new AtomicInteger()).get();
        String beforeParam = r.getUrl().queryParameter("before");
        long before = beforeParam == null ? newest + 1L : Long.parseLong(beforeParam);
        long from = Math.max(1, before - PAGE);
        StringBuilder b = new StringBuilder("<div class=\"tgme_channel_info\"><div class=\"tgme_channel_info_header_title\"><span>Канал "
                + channel + "</span></div><div class=\"tgme_channel_info_counter\"><span class=\"counter_value\">2.5K</span> "
                + "<span class=\"counter_type\">subscribers</span></div></div><section class=\"tgme_channel_history\">");
        if (from > 1) {
            b.append("<div class=\"tme_messages_more\" data-before=\"").append(from).append("\"></div>");
        }
        for (long id = from; id < before && id <= newest; id++) {
            b.append("""
                    <div class="tgme_widget_message_wrap"><div class="tgme_widget_message" data-post="%s/%d">
                    <div class="tgme_widget_message_text">Новость %d<br/>вторая строка <a href="https://example.org/%d">ссылка</a></div>
                    <div class="tgme_widget_message_footer"><span class="tgme_widget_message_views">1.%dK</span>
                    <span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/%s/%d">
                    <time datetime="%s"></time></a></span></div></div></div>""".formatted(channel, id, id, id, id % 10, channel, id,
                    Instant.parse("2024-03-01T00:00:00Z").plusSeconds(id * 60)));
        }
        return html(b.append("</section>").toString());
    }

    static MockResponse html(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!DOCTYPE html><html><body>" + body + "</body></html>").build();
    }

    private static void define(String key, String channel) {
        createSource("""
                {"key":"%s","kind":"telegram","channel":"%s","interval":"10m"}""".formatted(key, channel)).statusCode(201);
    }

    private static Set<String> ids(String key) {
        return posts(key).stream().map(p -> p.externalId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> range(String channel, long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(i -> channel + "/" + i).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aCrawlCutInTheMiddleResumesWithNoGapAndNoDuplicate() {
        NEWEST.put("tularesume", new AtomicInteger(60));
        NEWEST.put("tulasteady", new AtomicInteger(60));
        define("tg-resume", "tularesume");
        define("tg-steady", "tulasteady");
        // first runs read two pages back (initial depth): messages 21..60
        run("tg-resume").body("outcome", equalTo("success")).body("counts.created", equalTo(40));
        run("tg-steady").body("outcome", equalTo("success"));
        Source first = source("tg-resume");
        assertEquals(60L, first.cursor.get("lastId").asLong());
        assertEquals("Канал tularesume", first.cursor.get("channelTitle").asText());
        assertEquals(2500L, first.cursor.get("subscribers").asLong());

        // 55 new messages on both channels: three pages back to the last seen one
        NEWEST.get("tularesume").set(115);
        NEWEST.get("tulasteady").set(115);
        run("tg-steady").body("outcome", equalTo("success")).body("counts.created", equalTo(55));

        // the other crawl dies after its first page: every retry of the second page is refused
        FakePlatforms.handle("/s/tularesume", r -> r.getUrl().queryParameter("before") == null ? page(r)
                : new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
        run("tg-resume").body("outcome", equalTo("transient"));
        Source cut = source("tg-resume");
        assertEquals(60L, cut.cursor.get("lastId").asLong(), "lastId only moves when the pass is complete");
        assertEquals(96L, cut.cursor.get("sweep").get("position").asLong(), "the pass resumes before the oldest stored message");

        // started again: the stored cursor continues the same pass
        FakePlatforms.handle("/s/tularesume", TelegramCrawlTest::page);
        run("tg-resume").body("outcome", equalTo("success"));
        assertEquals(115L, source("tg-resume").cursor.get("lastId").asLong());
        Set<String> resumed = ids("tg-resume");
        Set<String> steady = ids("tg-steady");
        assertEquals(range("tularesume", 21, 115), resumed);
        assertEquals(steady.stream().map(s -> s.replace("tulasteady", "tularesume")).collect(Collectors.toCollection(TreeSet::new)), resumed,
                "the interrupted crawl ends with exactly the posts of the uninterrupted one");

        var post = posts("tg-resume").stream().filter(p -> p.externalId.equals("tularesume/100")).findFirst().orElseThrow();
        assertEquals("Новость 100\nвторая строка ссылка", post.text);
        assertEquals(1_000L, post.views);
        assertEquals("https://example.org/100", post.raw.get("links").get(0).get("href").asText());
        assertTrue(FakePlatforms.requests().stream().anyMatch(r -> "96".equals(r.getUrl().queryParameter("before"))));
    }

    @Test
    void emptyAndPrivateChannelsAndBrokenPagesNeverCrashTheCrawler() {
        define("tg-empty", "tulaempty");
        run("tg-empty").body("outcome", equalTo("success")).body("counts.skipped", equalTo(1));
        assertTrue(source("tg-empty").lastSkipped.get("items").get(0).asText().contains("сообщений нет"));

        define("tg-private", "privatechan");
        run("tg-private").body("outcome", equalTo("skipped")).body("error", containsString("веб-превью"));

        NEWEST.put("tulabroken", new AtomicInteger(5));
        define("tg-broken", "tulabroken");
        FakePlatforms.fault(html("<div class=\"tgme_channel_info\"></div><div class=\"tgme_widget_message\" data-post=\"tulabroken/5\"><div class="));
        run("tg-broken").body("outcome", equalTo("success"));
        run("tg-broken").body("outcome", equalTo("success"));
        assertEquals(range("tulabroken", 1, 5), ids("tg-broken"));
        for (int i = 0; i < 4; i++) {
            FakePlatforms.fault(new MockResponse.Builder().code(503).build());
        }
        run("tg-broken").body("outcome", equalTo("transient"));
        run("tg-broken").body("outcome", equalTo("success"));
        assertEquals(range("tulabroken", 1, 5), ids("tg-broken"));
        List<String> kinds = List.of("telegram");
        assertTrue(kinds.contains(source("tg-broken").kind));
    }
}
