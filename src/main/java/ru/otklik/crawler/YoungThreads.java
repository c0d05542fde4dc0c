package ru.otklik.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The comment threads a wall-like source keeps refreshing, kept inside its cursor so a cut-short run resumes:
 * {@code young} (post id → publication epoch second) holds the young posts that have comments, {@code comments}
 * the post ids still to fetch in this pass. Residents answer in comments for a day or two, so only young posts
 * are followed, newest first, at most N. Shared by the VK wall and the Odnoklassniki group crawlers.
 */
public final class YoungThreads {

    private YoungThreads() {
    }

    /**
     * Adds the page's posts that have comments and are younger than {@code cutoffEpochSecond}, then keeps only
     * the newest {@code maxPosts} of all young posts.
     */
    public static void remember(ObjectNode state, Map<String, Long> postsWithComments, long cutoffEpochSecond, int maxPosts) {
        ObjectNode young = young(state);
        postsWithComments.forEach((id, date) -> {
            if (date >= cutoffEpochSecond) {
                young.put(id, date);
            }
        });
        List<String> keep = youngestFirst(state).stream()
                .filter(id -> young.get(id).asLong() >= cutoffEpochSecond).limit(maxPosts).toList();
        young.retain(keep);
    }

    /** Whether the source follows comments: its {@code comments} field is true. */
    public static boolean wanted(CrawlTarget target) {
        return target.config() != null && target.config().path("comments").asBoolean(false);
    }

    /** Checks the definition's {@code comments} field. */
    public static void validate(SourceSpec spec, List<String> problems) {
        JsonNode comments = spec.node("comments");
        if (comments != null && !comments.isBoolean()) {
            problems.add("поле 'comments': ожидается true или false, получено " + comments);
        }
    }

    /** Starts a comment pass over every young post; false when there is none. */
    public static boolean queueAll(ObjectNode state) {
        ArrayNode pending = state.putArray("comments");
        youngestFirst(state).forEach(pending::add);
        return !pending.isEmpty();
    }

    /** The next post whose comments this pass must fetch, removed from the queue; null when the pass is over. */
    public static String next(ObjectNode state) {
        JsonNode queue = state.path("comments");
        if (!queue.isArray() || queue.isEmpty()) {
            return null;
        }
        return ((ArrayNode) queue).remove(0).asText();
    }

    /** Whether posts are still queued in this pass. */
    public static boolean pending(ObjectNode state) {
        JsonNode queue = state.path("comments");
        return queue.isArray() && !queue.isEmpty();
    }

    /** Stops following a post (comments closed, post gone). */
    public static void forget(ObjectNode state, String postId) {
        young(state).remove(postId);
    }

    static List<String> youngestFirst(ObjectNode state) {
        JsonNode young = state.path("young");
        List<String> ids = new ArrayList<>();
        young.fieldNames().forEachRemaining(ids::add);
        ids.sort(Comparator.comparingLong((String id) -> young.get(id).asLong()).reversed());
        return ids;
    }

    private static ObjectNode young(ObjectNode state) {
        JsonNode young = state.get("young");
        return young != null && young.isObject() ? (ObjectNode) young : state.putObject("young");
    }
}
