package ru.otklik.crawler.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.otklik.crawler.Fixtures;
import ru.otklik.post.PostDraft;

/** t.me/s parsing on recorded real pages (rust-any2feed fixtures, MIT). */
class TelegramParserTest {

    private static TelegramParser.Page page(String fixture) {
        return TelegramParser.parse(Fixtures.text("telegram/" + fixture), "https://t.me/s/x");
    }

    private static PostDraft single(String fixture) {
        List<PostDraft> posts = page(fixture).posts();
        assertEquals(1, posts.size(), fixture);
        return posts.get(0);
    }

    @Test
    void wholeChannelPage() {
        TelegramParser.Page p = page("full.html");
        assertEquals("Военное обозрение", p.channelTitle());
        assertEquals(109_000L, p.subscribers());
        assertEquals(12, p.posts().size());
        assertEquals(List.of(70989L, 70990L, 70992L, 70995L, 70996L, 70997L, 70998L, 70999L, 71000L, 71006L, 71007L, 71008L), p.ids());
        assertEquals(70989L, p.before(), "paging back continues before the oldest message");
        assertTrue(p.hasPreview());
        PostDraft first = p.posts().get(0);
        assertEquals("topwar_official/70989", first.externalId());
        assertEquals("https://t.me/topwar_official/70989", first.url());
        assertEquals("topwar_official", first.authorHandle());
        assertEquals("Военное обозрение", first.authorName());
        assertEquals(Instant.parse("2023-02-28T07:47:53Z"), first.publishedAt());
        assertEquals(37_200L, first.metrics().views());
        assertEquals("В Санкт-Петербурге в небо над городом подняли истребители из-за неизвестного объекта в воздухе, "
                + "аэропорт Пулково не принимает самолеты, сообщает Baza.\nСудя по сервису Flightradar, гражданские "
                + "самолеты не приближаются к Санкт-Петербургу.", first.text());
        assertFalse(first.raw().get("edited").asBoolean());
        assertNull(first.parentExternalId());
    }

    @Test
    void textKeepsParagraphs() {
        PostDraft m = single("message_text.html");
        assertEquals("topwar_official/70991", m.externalId());
        assertTrue(m.text().startsWith("Неопознанный летающий объект замечен в 160 – 200 км от Петербурга\n\nПо данным «Фонтанки»"), m.text());
        assertTrue(m.text().contains("не\nсообщает") || m.text().contains("сообщает.\n\nИсточник, близкий к Смольному"), m.text());
        assertEquals(33_400L, m.metrics().views());
        assertEquals(Instant.parse("2023-02-28T08:48:01Z"), m.publishedAt());
    }

    @Test
    void forwardedFromIsKept() {
        PostDraft m = single("message_media_forwarded_from.html");
        assertEquals("oper_goblin/22358", m.externalId());
        assertEquals("Пул N3", m.raw().get("forwardedFrom").get("name").asText());
        assertEquals("https://t.me/dimsmirnov175/44604", m.raw().get("forwardedFrom").get("url").asText());
        assertEquals("Британская разведка выяснила, почему Ким Чен Ын начал выводить дочку в свет", m.text());
        assertEquals(214_400L, m.metrics().views());
        assertEquals("photo", m.raw().get("media").get(0).asText());
    }

    @Test
    void mediaKinds() {
        assertTrue(kinds("message_media_round_video.html").contains("round_video"));
        assertTrue(kinds("message_voice.html").contains("voice"));
        assertTrue(kinds("message_media_file.html").contains("document"));
        assertTrue(kinds("message_sticker.html").contains("sticker"));
        assertTrue(kinds("message_link_preview.html").contains("link_preview"));
        List<String> album = kinds("message_media_photo_and_video.html");
        assertTrue(album.contains("album") && album.contains("photo") && album.contains("video"), album.toString());
        assertEquals(746L, single("message_voice.html").metrics().views());
        assertEquals(1L, single("message_sticker.html").metrics().views());
    }

    @Test
    void messagesWithoutTextStillSaySomething() {
        PostDraft file = single("message_media_file.html");
        assertTrue(file.text().startsWith("Центр изучения новых коммуникаций подготовил исследование"), file.text());
        String docOnly = Fixtures.text("telegram/message_media_file.html")
                .replaceAll("(?s)<div class=\"tgme_widget_message_text.*?</div>", "");
        PostDraft titled = TelegramParser.parse(docOnly, "https://t.me/s/oper_goblin").posts().get(0);
        assertEquals("Оппозиционные медиапроекты.pdf", titled.text(), "a file without caption is known by its title");
        PostDraft sticker = single("message_sticker.html");
        assertEquals("[sticker]", sticker.text());
    }

    @Test
    void linksAreKept() {
        PostDraft m = single("message_link_preview.html");
        assertTrue(m.raw().get("links").size() > 0, m.raw().toString());
        assertTrue(m.raw().get("links").get(0).get("href").asText().startsWith("http"));
    }

    @Test
    void replyAndEditedMark() {
        String html = Fixtures.text("telegram/message_text.html")
                .replace("<div class=\"tgme_widget_message_text", "<a class=\"tgme_widget_message_reply\" href=\"https://t.me/topwar_official/70980\">"
                        + "<div class=\"tgme_widget_message_author\">Военное обозрение</div><div class=\"tgme_widget_message_metatext\">Ранее</div></a>"
                        + "<div class=\"tgme_widget_message_text")
                .replace("<a class=\"tgme_widget_message_date\"", "edited <a class=\"tgme_widget_message_date\"");
        PostDraft m = TelegramParser.parse(html, "https://t.me/s/topwar_official").posts().get(0);
        assertEquals("topwar_official/70980", m.parentExternalId());
        assertTrue(m.raw().get("edited").asBoolean());
        assertFalse(m.text().contains("Ранее"), "the quoted reply is not part of the text");
    }

    @Test
    void emptyChannelAndMissingPreview() {
        String empty = "<html><body><div class=\"tgme_channel_info\"><div class=\"tgme_channel_info_header_title\">Пусто</div>"
                + "<div class=\"tgme_channel_info_counter\"><span class=\"counter_value\">1.5K</span> <span class=\"counter_type\">subscribers</span></div>"
                + "</div><div class=\"tgme_channel_history\"></div></body></html>";
        TelegramParser.Page p = TelegramParser.parse(empty, "https://t.me/s/empty");
        assertTrue(p.hasPreview());
        assertTrue(p.posts().isEmpty());
        assertEquals(1_500L, p.subscribers());
        String noPreview = "<html><body><div class=\"tgme_page\"><div class=\"tgme_page_title\">Частный канал</div>"
                + "<a class=\"tgme_action_button_new\">View in Telegram</a></div></body></html>";
        assertFalse(TelegramParser.parse(noPreview, "https://t.me/private").hasPreview());
        assertTrue(TelegramParser.parse("<html><body><div class='tgme_widget_message' data-post='x/abc'>",
                "https://t.me/s/x").posts().isEmpty(), "malformed markup is skipped, not thrown");
    }

    @Test
    void countsWithSuffixes() {
        assertEquals(1500L, TelegramParser.count("1.5K"));
        assertEquals(214_400L, TelegramParser.count("214.4K"));
        assertEquals(2_000_000L, TelegramParser.count("2M"));
        assertEquals(987L, TelegramParser.count("987"));
        assertNull(TelegramParser.count("—"));
    }

    private static List<String> kinds(String fixture) {
        List<String> out = new java.util.ArrayList<>();
        single(fixture).raw().get("media").forEach(n -> out.add(n.asText()));
        return out;
    }
}
