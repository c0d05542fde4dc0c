package ru.otklik.crawler.rss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.otklik.crawler.Fixtures;
import ru.otklik.post.PostDraft;
import ru.otklik.post.PostMetrics;

class RssParserTest {

    private static final Instant NOW = Instant.parse("2022-12-04T00:00:00Z");

    @Test
    void parsesEveryItemOfTheRealLentaFeed() {
        RssParser.Feed feed = RssParser.parse(Fixtures.bytes("rss/lenta.xml"), NOW);
        assertEquals("Lenta.ru : Новости", feed.title());
        List<PostDraft> posts = feed.posts();
        assertEquals(200, posts.size());
        // the real feed repeats two items (gosdep, dollar): 198 distinct guids, so 198 posts once stored
        assertEquals(198, new HashSet<>(posts.stream().map(PostDraft::externalId).toList()).size());

        PostDraft first = posts.get(0);
        assertEquals("https://lenta.ru/news/2022/12/03/freedman/", first.externalId());
        assertEquals("https://lenta.ru/news/2022/12/03/freedman/", first.url());
        assertEquals("Варвара Кошечкина", first.authorHandle());
        assertEquals("Варвара Кошечкина", first.authorName());
        assertEquals("Стало известно о задержании бизнесмена Михаила Фридмана в Лондоне", first.title());
        assertTrue(first.text().startsWith("Полиция задержала в Лондоне российского бизнесмена Михаила Фридмана."), first.text());
        assertTrue(first.text().endsWith("Другие детали он не раскрыл."), first.text());
        // Sat, 03 Dec 2022 19:43:00 +0300
        assertEquals(Instant.parse("2022-12-03T16:43:00Z"), first.publishedAt());
        assertEquals(PostMetrics.NONE, first.metrics());
        assertNull(first.parentExternalId());
        assertEquals("Мир", first.raw().get("categories").get(0).asText());
        assertEquals("image/jpeg", first.raw().get("enclosures").get(0).get("type").asText());
        assertTrue(first.raw().get("enclosures").get(0).get("url").asText().startsWith("https://icdn.lenta.ru/images/2022/12/03/19/"));

        PostDraft last = posts.get(199);
        assertEquals(Instant.parse("2022-12-02T19:45:00Z"), last.publishedAt());
        posts.forEach(p -> assertTrue(!p.text().isBlank() && p.title() != null, p.externalId()));
    }

    @Test
    void parsesAtomWithContentAndUpdatedDate() {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Новости Тулы</title>
                  <id>urn:tula</id>
                  <updated>2024-05-01T10:00:00Z</updated>
                  <entry>
                    <id>urn:tula:1</id>
                    <title>Отключение воды</title>
                    <link href="https://example.org/1"/>
                    <author><name>Редакция</name></author>
                    <updated>2024-05-01T09:30:00+03:00</updated>
                    <content type="html">&lt;p&gt;На улице Ленина&lt;br&gt;нет воды.&lt;/p&gt;&lt;p&gt;Второй абзац.&lt;/p&gt;</content>
                  </entry>
                </feed>
                """;
        PostDraft p = RssParser.parse(atom.getBytes(StandardCharsets.UTF_8), NOW).posts().get(0);
        assertEquals("urn:tula:1", p.externalId());
        assertEquals("https://example.org/1", p.url());
        assertEquals("Редакция", p.authorName());
        assertEquals("Отключение воды", p.title());
        assertEquals("На улице Ленина\nнет воды.\n\nВторой абзац.".replace("\n\n", "\n"), p.text());
        assertEquals(Instant.parse("2024-05-01T06:30:00Z"), p.publishedAt());
    }

    @Test
    void toleratesBomAndRefusesGarbage() {
        byte[] xml = Fixtures.bytes("rss/lenta.xml");
        byte[] withBom = new byte[xml.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(xml, 0, withBom, 3, xml.length);
        assertEquals(200, RssParser.parse(withBom, NOW).posts().size());

        byte[] truncated = java.util.Arrays.copyOf(xml, xml.length / 2);
        assertThrows(IllegalArgumentException.class, () -> RssParser.parse(truncated, NOW));
        assertThrows(IllegalArgumentException.class, () -> RssParser.parse("{\"not\":\"xml\"}".getBytes(), NOW));
    }
}
