package ru.otklik.crawler.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.parser.Parser;
import ru.otklik.post.PostDraft;
import ru.otklik.post.PostMetrics;

/**
 * Odnoklassniki API objects ({@code mediatopic.getTopics} and {@code discussions.getComments} responses) to
 * {@link PostDraft}s. Pure.
 *
 * <p>Ids: a group topic is {@code <gid>_<topic id>}, its URL {@code https://ok.ru/group/<gid>/topic/<id>}; a
 * comment is {@code <gid>_<topic id>_<comment id>}, the child of the comment it replies to, else of the topic.
 * A topic's text is its {@code media} blocks: text, link titles and poll questions. Fields this parser does not
 * know are reported, so an operator sees on the first live run what the API sends beyond the documented shape.
 */
public final class OkParser {

    static final Set<String> TOPIC_FIELDS = Set.of("id", "created_ms", "media", "author_ref", "owner_ref",
            "discussion_summary", "like_summary", "reshare_summary", "views_count", "is_sticky", "ref",
            "capabilities", "is_commenting_denied", "is_on_moderation");
    static final Set<String> COMMENT_FIELDS = Set.of("id", "text", "date", "date_ms", "author_id", "author_name",
            "author_type", "like_count", "liked_it", "reply_to_id", "reply_to_comment_id", "attrs", "type");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OkParser() {
    }

    /**
     * One page of a group's topics.
     *
     * @param createdMs          the topics' creation times (pinned ones excluded), the order the paging follows
     * @param anchor             where the next, older page starts; null when OK sends none
     * @param hasMore            OK says there are older topics
     * @param withComments       topic external id → creation epoch second, for topics that have comments
     * @param unknownFields      field names the parser does not know, as {@code media_topic.x} / {@code response.x}
     */
    public record TopicsPage(List<PostDraft> posts, List<Long> createdMs, String anchor, boolean hasMore,
                             Map<String, Long> withComments, List<String> skipped, Set<String> unknownFields) {
    }

    /** Comments of one topic and the fields the parser did not know. */
    public record CommentsPage(List<PostDraft> posts, List<String> skipped, Set<String> unknownFields) {
    }

    public static TopicsPage topics(JsonNode response, String gid) {
        Map<String, String> names = names(response.path("entities"));
        List<PostDraft> posts = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        Map<String, Long> withComments = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        response.fieldNames().forEachRemaining(f -> {
            if (!Set.of("media_topics", "entities", "anchor", "has_more", "totalCount").contains(f)) {
                unknown.add("response." + f);
            }
        });
        for (JsonNode topic : response.path("media_topics")) {
            topic.fieldNames().forEachRemaining(f -> {
                if (!TOPIC_FIELDS.contains(f)) {
                    unknown.add("media_topic." + f);
                }
            });
            String id = topic.path("id").asText("");
            long createdMs = topic.path("created_ms").asLong(0);
            if (id.isEmpty() || createdMs <= 0) {
                skipped.add("OK: тема без id или created_ms в группе " + gid);
                continue;
            }
            if (!topic.path("is_sticky").asBoolean(false)) {
                created.add(createdMs); // a pinned topic is old: it would end the paging early
            }
            String text = mediaText(topic.path("media"));
            String externalId = gid + "_" + id;
            long comments = topic.path("discussion_summary").path("comments_count").asLong(0);
            if (comments > 0) {
                withComments.put(externalId, createdMs / 1000);
            }
            if (text.isBlank()) {
                skipped.add("OK " + externalId + ": тема без текста");
                continue;
            }
            String authorRef = topic.path("author_ref").asText(topic.path("owner_ref").asText("group:" + gid));
            posts.add(new PostDraft(externalId, "https://ok.ru/group/" + gid + "/topic/" + id, handle(authorRef),
                    names.get(authorRef), null, text, Instant.ofEpochMilli(createdMs),
                    new PostMetrics(count(topic.path("like_summary").path("count")),
                            count(topic.path("reshare_summary").path("count")), comments,
                            count(topic.path("views_count"))),
                    null, topic.deepCopy()));
        }
        String anchor = response.path("anchor").isTextual() ? response.path("anchor").asText() : null;
        return new TopicsPage(posts, created, anchor, response.path("has_more").asBoolean(false), withComments,
                skipped, unknown);
    }

    public static CommentsPage comments(JsonNode response, String topicExternalId) {
        List<PostDraft> posts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        int sep = topicExternalId.indexOf('_');
        String gid = topicExternalId.substring(0, sep);
        String topicId = topicExternalId.substring(sep + 1);
        for (JsonNode c : response.path("comments")) {
            c.fieldNames().forEachRemaining(f -> {
                if (!COMMENT_FIELDS.contains(f)) {
                    unknown.add("comment." + f);
                }
            });
            String id = c.path("id").asText("");
            String text = Parser.unescapeEntities(c.path("text").asText(""), false).strip();
            Instant date = date(c);
            if (id.isEmpty() || text.isEmpty() || date == null) {
                skipped.add("OK комментарий " + topicExternalId + "_" + id + ": пуст или без даты");
                continue;
            }
            String replyTo = c.path("reply_to_comment_id").asText("");
            String parent = replyTo.isEmpty() ? topicExternalId : topicExternalId + "_" + replyTo;
            boolean group = "GROUP".equalsIgnoreCase(c.path("author_type").asText(""));
            String author = c.path("author_id").asText("");
            posts.add(new PostDraft(topicExternalId + "_" + id,
                    "https://ok.ru/group/" + gid + "/topic/" + topicId + "?commentId=" + id,
                    author.isEmpty() ? null : (group ? "okgroup" : "ok") + author,
                    c.path("author_name").asText(null), null, text, date,
                    new PostMetrics(count(c.path("like_count")), null, null, null), parent, c.deepCopy()));
        }
        return new CommentsPage(posts, skipped, unknown);
    }

    /** What the topic says: its text blocks, link titles and descriptions, and poll questions with answers. */
    static String mediaText(JsonNode media) {
        List<String> parts = new ArrayList<>();
        for (JsonNode block : media) {
            switch (block.path("type").asText()) {
                case "text" -> parts.add(block.path("text").asText(""));
                case "link" -> {
                    Iterable<JsonNode> links = block.path("links").isArray() ? block.path("links") : List.of(block);
                    for (JsonNode link : links) {
                        parts.add((link.path("title").asText("") + "\n" + link.path("description").asText("")).strip());
                    }
                }
                case "poll" -> {
                    StringBuilder poll = new StringBuilder(block.path("question").asText(""));
                    block.path("answers").forEach(a -> poll.append("\n— ").append(a.path("text").asText("")));
                    parts.add(poll.toString());
                }
                default -> {
                }
            }
        }
        return Parser.unescapeEntities(String.join("\n\n", parts.stream().filter(p -> !p.isBlank()).toList()), false).strip();
    }

    /** {@code date_ms} when sent, else {@code date} ("yyyy-MM-dd HH:mm:ss", Moscow time). */
    private static Instant date(JsonNode c) {
        if (c.path("date_ms").canConvertToLong() && c.path("date_ms").asLong() > 0) {
            return Instant.ofEpochMilli(c.path("date_ms").asLong());
        }
        try {
            return LocalDateTime.parse(c.path("date").asText(""), DATE).atZone(MOSCOW).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code user:123} → {@code ok123}, {@code group:456} → {@code okgroup456}: stable ids, as names change. */
    static String handle(String ref) {
        int colon = ref.indexOf(':');
        String type = colon < 0 ? "user" : ref.substring(0, colon);
        String id = ref.substring(colon + 1);
        return (type.equals("group") ? "okgroup" : "ok") + id;
    }

    /** Display names by ref ({@code user:123}) from the response's {@code entities}. */
    static Map<String, String> names(JsonNode entities) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode u : entities.path("users")) {
            String name = u.path("name").asText((u.path("first_name").asText("") + " " + u.path("last_name").asText("")).strip());
            names.put(u.path("ref").asText("user:" + u.path("uid").asText()), name.isEmpty() ? null : name);
        }
        for (JsonNode g : entities.path("groups")) {
            names.put(g.path("ref").asText("group:" + g.path("uid").asText()), g.path("name").asText(null));
        }
        return names;
    }

    private static Long count(JsonNode n) {
        return n.canConvertToLong() ? n.asLong() : null;
    }
}
