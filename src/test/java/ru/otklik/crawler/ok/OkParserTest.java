package ru.otklik.crawler.ok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.otklik.post.PostDraft;

/** Topics and comments from the fixtures built from OK's documented response shapes (fixtures/ok/SOURCE.md). */
class OkParserTest {

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = OkParserTest.class.getResourceAsStream("/fixtures/ok/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void topicsBecomePostsWithAuthorsMetricsAndTheNextAnchor() throws IOException {
        OkParser.TopicsPage page = OkParser.topics(fixture("topics-page1.json"), "54000000000001");
        assertEquals(3, page.posts().size());
        PostDraft garbage = page.posts().get(1);
        assertEquals("54000000000001_155312", garbage.externalId());
        assertEquals("https://ok.ru/group/54000000000001/topic/155312", garbage.url());
        assertEquals("ok577000000001", garbage.authorHandle());
        assertEquals("Ольга Петрова", garbage.authorName());
        assertTrue(garbage.text().contains("контейнеры переполнены \"под завязку\""), garbage.text());
        assertEquals(Instant.ofEpochMilli(1764925200000L), garbage.publishedAt());
        assertEquals(31L, garbage.metrics().likes());
        assertEquals(4L, garbage.metrics().reposts());
        assertEquals(2L, garbage.metrics().comments());
        assertEquals(1840L, garbage.metrics().views());
        PostDraft link = page.posts().get(2);
        assertEquals("okgroup54000000000001", link.authorHandle());
        assertEquals("Подслушано Тула", link.authorName());
        assertEquals("Плановое отключение воды 10 декабря\nС 9:00 до 17:00 в Пролетарском районе", link.text());

        assertEquals(List.of(1764925200000L, 1764921600000L), page.createdMs(), "the pinned topic does not page");
        assertEquals("QU5DSE9SOjE1NTMwOQ==", page.anchor());
        assertTrue(page.hasMore());
        assertEquals(Map.of("54000000000001_155312", 1764925200L), page.withComments());
        assertEquals(Set.of("media_topic.privacy_level"), page.unknownFields());
    }

    @Test
    void aPollSaysItsQuestionAndAPhotoOnlyTopicIsSkippedWithTheReason() throws IOException {
        OkParser.TopicsPage page = OkParser.topics(fixture("topics-page2.json"), "54000000000001");
        assertEquals(1, page.posts().size());
        assertEquals("Нужен ли светофор у школы №12?\n— Да\n— Нет", page.posts().get(0).text());
        assertEquals(List.of(1764914400000L, 1764910800000L), page.createdMs());
        assertFalse(page.hasMore());
        assertNull(page.anchor());
        assertEquals(1, page.skipped().size());
        assertTrue(page.skipped().get(0).contains("54000000000001_155300"), page.skipped().toString());
        assertTrue(page.unknownFields().isEmpty());
    }

    @Test
    void commentsHangUnderTheTopicOrTheCommentTheyAnswer() throws IOException {
        OkParser.CommentsPage page = OkParser.comments(fixture("comments.json"), "54000000000001_155312");
        assertEquals(2, page.posts().size());
        PostDraft first = page.posts().get(0);
        assertEquals("54000000000001_155312_MTc2NDkyODgwMDAwMA==", first.externalId());
        assertEquals("54000000000001_155312", first.parentExternalId());
        assertEquals("ok577000000004", first.authorHandle());
        assertEquals(Instant.ofEpochMilli(1764928800000L), first.publishedAt());
        PostDraft answer = page.posts().get(1);
        assertEquals(first.externalId(), answer.parentExternalId());
        assertEquals("okgroup54000000000001", answer.authorHandle());
        // no date_ms: "2025-12-05 14:00:00" is Moscow time
        assertEquals(Instant.parse("2025-12-05T11:00:00Z"), answer.publishedAt());
        assertTrue(page.unknownFields().isEmpty());
    }
}
