package ru.otklik.crawler.vk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.otklik.crawler.Backfill;
import ru.otklik.crawler.CrawlFailure;
import ru.otklik.crawler.CrawlPage;
import ru.otklik.crawler.CrawlTarget;
import ru.otklik.crawler.CrawlerConfig;
import ru.otklik.crawler.SourceCrawler;
import ru.otklik.crawler.SourceSpec;
import ru.otklik.crawler.YoungThreads;

/**
 * A VK community or user wall ({@code wall.get}, by {@code domain} or {@code ownerId}): pages back with
 * {@code offset} to the last seen post, then refreshes the comment threads ({@code wall.getComments}) of the
 * wall's young posts, one post per page. Both phases live in the cursor, so a cut-short run resumes.
 *
 * <p>Cursor: {@link Backfill} fields plus {@code young} (post id → publication epoch second, posts whose
 * comments are still refreshed) and {@code comments} (the post ids whose comments are still to fetch this pass).
 */
@ApplicationScoped
public class VkWallCrawler implements SourceCrawler {

    /** A few posts of overlap when resuming at a stored offset: a deleted post shifts older ones up. */
    static final int OVERLAP = 5;

    private final VkApi api;
    private final CrawlerConfig.Vk config;
    private final Clock clock;

    public VkWallCrawler(VkApi api, CrawlerConfig config, Clock clock) {
        this.api = api;
        this.config = config.vk();
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "vk-wall";
    }

    @Override
    public Set<String> fields() {
        return Set.of("domain", "ownerId", "comments");
    }

    @Override
    public List<String> validate(SourceSpec spec) {
        List<String> problems = new ArrayList<>();
        String domain = spec.text("domain");
        JsonNode owner = spec.node("ownerId");
        if ((domain == null) == (owner == null || owner.isNull())) {
            problems.add("поля 'domain' и 'ownerId': укажите ровно одно — короткое имя (tularegion) или числовой id (-12345 для сообщества)");
        }
        if (domain != null && !domain.matches("[A-Za-z0-9_.]{2,64}")) {
            problems.add("поле 'domain': '" + domain + "' — ожидается короткое имя страницы VK (латиница, цифры, '_', '.')");
        }
        if (owner != null && !owner.isNull() && !owner.isIntegralNumber() && !owner.asText().matches("-?\\d+")) {
            problems.add("поле 'ownerId': ожидается целое число (отрицательное для сообществ), получено " + owner);
        }
        YoungThreads.validate(spec, problems);
        return problems;
    }

    @Override
    public Uni<CrawlPage> fetchPage(CrawlTarget target, JsonNode cursor) {
        ObjectNode state = cursor != null && cursor.isObject() ? ((ObjectNode) cursor).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        String commentsOf = YoungThreads.next(state);
        return commentsOf != null ? comments(state, commentsOf) : wall(target, state);
    }

    private Uni<CrawlPage> wall(CrawlTarget target, ObjectNode state) {
        Backfill backfill = Backfill.of(state);
        long offset = backfill.inSweep() ? Math.max(0, backfill.position() - OVERLAP) : 0;
        Map<String, String> params = new LinkedHashMap<>();
        if (target.text("domain") != null) {
            params.put("domain", target.text("domain"));
        } else {
            params.put("owner_id", target.text("ownerId"));
        }
        params.put("count", Integer.toString(config.wallPageSize()));
        params.put("offset", Long.toString(offset));
        params.put("extended", "1");
        return api.call("wall.get", params)
                .onFailure(VkApi.AccessDenied.class).transform(e -> CrawlFailure.skipped(
                        "Стена " + target.key() + " пропущена: " + e.getMessage()))
                .map(response -> {
                    VkParser.Page page = VkParser.posts(response);
                    JsonNode items = response.path("items");
                    List<Long> ids = new ArrayList<>();
                    for (JsonNode item : items) {
                        if (!item.path("is_pinned").asBoolean(false) && item.path("is_pinned").asInt(0) == 0) {
                            ids.add(item.path("id").asLong());
                        }
                    }
                    boolean end = items.size() < config.wallPageSize() || offset + items.size() >= response.path("count").asLong();
                    Backfill.Step step = backfill.after(ids, offset + items.size(), end, config.initialPages());
                    step.cursor().writeTo(state);
                    rememberYoung(state, items, target);
                    boolean more = step.more();
                    if (!more && YoungThreads.wanted(target)) {
                        more = YoungThreads.queueAll(state);
                    }
                    return new CrawlPage(page.posts(), state, more, null, null, page.reposts(), page.skipped());
                });
    }

    private Uni<CrawlPage> comments(ObjectNode state, String postId) {
        boolean more = YoungThreads.pending(state);
        int sep = postId.indexOf('_');
        Map<String, String> params = new LinkedHashMap<>();
        params.put("owner_id", postId.substring(0, sep));
        params.put("post_id", postId.substring(sep + 1));
        params.put("count", "100");
        params.put("sort", "desc");
        params.put("need_likes", "1");
        params.put("extended", "1");
        params.put("thread_items_count", Integer.toString(config.threadItemsCount()));
        return api.call("wall.getComments", params)
                .map(response -> {
                    VkParser.Page page = VkParser.comments(response, postId);
                    return new CrawlPage(page.posts(), state, more, null, null, Map.of(), page.skipped());
                })
                .onFailure(VkApi.AccessDenied.class).recoverWithItem(e -> {
                    // closed comments (212) or a post we may not read (15): skip this post, keep the rest
                    YoungThreads.forget(state, postId);
                    return new CrawlPage(List.of(), state, more, null, null, Map.of(),
                            List.of("Комментарии к " + postId + " пропущены: " + e.getMessage()));
                });
    }

    /** Young posts of this wall that have comments; older ones drop out, the newest N are kept. */
    private void rememberYoung(ObjectNode state, JsonNode items, CrawlTarget target) {
        if (!YoungThreads.wanted(target)) {
            return;
        }
        Map<String, Long> withComments = new LinkedHashMap<>();
        for (JsonNode item : items) {
            if (item.path("comments").path("count").asLong() > 0) {
                withComments.put(item.path("owner_id").asText() + "_" + item.path("id").asText(), item.path("date").asLong());
            }
        }
        YoungThreads.remember(state, withComments,
                clock.instant().minus(config.commentsMaxAge()).getEpochSecond(), config.commentsMaxPosts());
    }
}
