package ru.otklik.crawler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.otklik.post.PostDraft;

class WebPageParserTest {

    private static final String PAGE = """
            <html><body><div class="news">
              <article class="item"><h2><a href="/news/1">Отключение воды в Пролетарском районе</a></h2>
                <span class="date">3 марта 2024 10:15</span><div class="body"><p>С 10 до 18 часов.</p><p>Приносим извинения.</p></div></article>
              <article class="item"><h2><a href="https://tula.example/news/2">Ремонт дороги</a></h2>
                <span class="date">вчера</span><div class="body">Улица Советская.</div></article>
              <article class="item"><h2></h2><div class="body"></div></article>
            </div></body></html>""";

    @Test
    void readsItemsWithSelectorsAndRussianDates() {
        var selectors = new WebPageParser.Selectors("article.item", "h2", "div.body", "span.date", "d MMMM yyyy HH:mm", "h2 a");
        Instant now = Instant.parse("2024-03-04T00:00:00Z");
        WebPageParser.Result r = WebPageParser.parse(PAGE, "https://tula.example/news", selectors, now);
        assertEquals(2, r.posts().size());
        PostDraft first = r.posts().get(0);
        assertEquals("https://tula.example/news/1", first.externalId());
        assertEquals("https://tula.example/news/1", first.url());
        assertEquals("Отключение воды в Пролетарском районе", first.title());
        assertEquals("С 10 до 18 часов.\nПриносим извинения.", first.text());
        assertEquals(Instant.parse("2024-03-03T07:15:00Z"), first.publishedAt(), "Moscow local time");
        assertNull(first.authorHandle());
        PostDraft second = r.posts().get(1);
        assertEquals(now, second.publishedAt(), "an unreadable date falls back to the fetch time");
        assertEquals(2, r.skipped().size(), "the unreadable date and the empty item are reported");
    }
}
