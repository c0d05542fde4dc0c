package ru.otklik.crawler.vk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.parser.Parser;
import ru.otklik.post.PostDraft;
import ru.otklik.post.PostMetrics;

/**
 * VK API objects (wall.get, newsfeed.search, wall.getComments responses) to {@link PostDraft}s. Pure.
 *
 * <p>Ids: a post is {@code <owner_id>_<id>} as VK writes it in links ({@code vk.com/wall-1_2}); a comment is
 * {@code <owner_id>_<post_id>_<comment_id>}. Authors come from the {@code profiles}/{@code groups} that
 * {@code extended=1} adds. A repost's original ({@code copy_history}, last element = the root) becomes a post
 * of its own and the repost is linked to it.
 */
public final class VkParser {

    private VkParser() {
    }

    /** Posts of a page, reposts (repost id → original id) and what was left out and why. */
    public record Page(List<PostDraft> posts, Map<String, String> reposts, List<String> skipped) {
    }

    record Author(String handle, String name) {
    }

    public static Page posts(JsonNode response) {
        Map<Long, Author> authors = authors(response);
        List<PostDraft> posts = new ArrayList<>();
        Map<String, String> reposts = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (JsonNode item : response.path("items")) {
            if (item.has("type") && !item.path("type").asText().equals("post")) {
                continue; // newsfeed items can be friends, photos, …: not posts
            }
            JsonNode history = item.path("copy_history");
            PostDraft original = null;
            if (history.isArray() && !history.isEmpty()) {
                original = post(history.get(history.size() - 1), authors, null);
            }
            PostDraft post = post(item, authors, original);
            if (post == null) {
                skipped.add("VK " + id(item) + ": пост без текста и без описаний вложений");
                continue;
            }
            posts.add(post);
            if (original != null) {
                posts.add(original);
                reposts.put(post.externalId(), original.externalId());
            }
        }
        return new Page(posts, reposts, skipped);
    }

    /** Comments of one post, thread replies included; deleted ones are skipped. */
    public static Page comments(JsonNode response, String postExternalId) {
        Map<Long, Author> authors = authors(response);
        List<PostDraft> comments = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JsonNode c : response.path("items")) {
            PostDraft draft = comment(c, postExternalId, postExternalId, authors);
            if (draft == null) {
                skipped.add("VK комментарий " + postExternalId + "_" + c.path("id").asText() + ": удалён или пуст");
                continue;
            }
            comments.add(draft);
            for (JsonNode reply : c.path("thread").path("items")) {
                PostDraft r = comment(reply, postExternalId, draft.externalId(), authors);
                if (r != null) {
                    comments.add(r);
                }
            }
        }
        return new Page(comments, Map.of(), skipped);
    }

    static PostDraft post(JsonNode item, Map<Long, Author> authors, PostDraft original) {
        long owner = owner(item);
        long id = item.hasNonNull("id") ? item.path("id").asLong() : item.path("post_id").asLong();
        String text = text(item.path("text").asText(""));
        if (text.isBlank() && original != null) {
            text = original.text(); // a bare repost says what its original says
        }
        if (text.isBlank()) {
            text = attachmentsText(item.path("attachments"));
        }
        if (text.isBlank()) {
            return null;
        }
        long from = item.hasNonNull("signer_id") ? item.path("signer_id").asLong()
                : item.hasNonNull("from_id") ? item.path("from_id").asLong() : owner;
        Author author = author(from, authors);
        return new PostDraft(owner + "_" + id, "https://vk.com/wall" + owner + "_" + id, author.handle(), author.name(),
                null, text, Instant.ofEpochSecond(item.path("date").asLong()), metrics(item), null, item.deepCopy());
    }

    static PostDraft comment(JsonNode c, String postExternalId, String parentExternalId, Map<Long, Author> authors) {
        if (c.path("deleted").asBoolean(false)) {
            return null;
        }
        String text = text(c.path("text").asText(""));
        if (text.isBlank()) {
            text = attachmentsText(c.path("attachments"));
        }
        if (text.isBlank()) {
            return null;
        }
        long id = c.path("id").asLong();
        String postId = postExternalId.substring(postExternalId.indexOf('_') + 1);
        String url = "https://vk.com/wall" + postExternalId + "?reply=" + id
                + (parentExternalId.equals(postExternalId) ? "" : "&thread=" + parentExternalId.substring(parentExternalId.lastIndexOf('_') + 1));
        Author author = author(c.path("from_id").asLong(), authors);
        ObjectNode raw = c.deepCopy();
        raw.remove("thread"); // replies are posts of their own
        PostMetrics metrics = new PostMetrics(count(c, "likes"), null,
                c.path("thread").isMissingNode() ? null : c.path("thread").path("count").asLong(), null);
        return new PostDraft(postExternalId + "_" + id, url, author.handle(), author.name(), null, text,
                Instant.ofEpochSecond(c.path("date").asLong()), metrics, parentExternalId, raw);
    }

    private static long owner(JsonNode item) {
        return item.hasNonNull("owner_id") ? item.path("owner_id").asLong() : item.path("source_id").asLong();
    }

    private static String id(JsonNode item) {
        return owner(item) + "_" + (item.hasNonNull("id") ? item.path("id").asText() : item.path("post_id").asText());
    }

    /** VK escapes some characters as HTML entities and old texts carry {@code <br>}. */
    static String text(String vk) {
        String t = vk.replace("<br>", "\n").replace("<br/>", "\n");
        return Parser.unescapeEntities(t, false).strip();
    }

    private static PostMetrics metrics(JsonNode item) {
        return new PostMetrics(count(item, "likes"), count(item, "reposts"), count(item, "comments"), count(item, "views"));
    }

    private static Long count(JsonNode item, String field) {
        JsonNode n = item.path(field).path("count");
        return n.isNumber() ? n.asLong() : null;
    }

    /** What a post without text still says: poll question, link or article title, document or photo caption. */
    static String attachmentsText(JsonNode attachments) {
        List<String> parts = new ArrayList<>();
        for (JsonNode a : attachments) {
            JsonNode body = a.path(a.path("type").asText());
            switch (a.path("type").asText()) {
                case "poll" -> {
                    StringBuilder poll = new StringBuilder(body.path("question").asText(""));
                    body.path("answers").forEach(ans -> poll.append("\n— ").append(ans.path("text").asText("")));
                    parts.add(poll.toString());
                }
                case "link", "article", "podcast", "doc", "video", "audio", "market" -> {
                    String title = body.path("title").asText("");
                    String description = body.path("description").asText(body.path("text").asText(""));
                    parts.add((title + "\n" + description).strip());
                }
                case "photo" -> parts.add(body.path("text").asText(""));
                default -> {
                }
            }
        }
        return text(String.join("\n\n", parts.stream().filter(p -> !p.isBlank()).toList()));
    }

    static Map<Long, Author> authors(JsonNode response) {
        Map<Long, Author> authors = new HashMap<>();
        for (JsonNode p : response.path("profiles")) {
            String name = (p.path("first_name").asText("") + " " + p.path("last_name").asText("")).strip();
            authors.put(p.path("id").asLong(), new Author("id" + p.path("id").asLong(), name.isEmpty() ? null : name));
        }
        for (JsonNode g : response.path("groups")) {
            long id = g.path("id").asLong();
            authors.put(-id, new Author("club" + id, g.path("name").asText(null)));
        }
        return authors;
    }

    /** A stable handle from the numeric id (screen names change); the name when extended data has it. */
    private static Author author(long fromId, Map<Long, Author> authors) {
        Author known = authors.get(fromId);
        if (known != null) {
            return known;
        }
        return new Author(fromId < 0 ? "club" + (-fromId) : "id" + fromId, null);
    }
}
