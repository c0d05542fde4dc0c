package ru.otklik.crawler.ok;

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
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import ru.otklik.crawler.Backfill;
import ru.otklik.crawler.CrawlFailure;
import ru.otklik.crawler.CrawlPage;
import ru.otklik.crawler.CrawlTarget;
import ru.otklik.crawler.CrawlerConfig;
import ru.otklik.crawler.SourceCrawler;
import ru.otklik.crawler.SourceSpec;
import ru.otklik.crawler.YoungThreads;

/**
 * An Odnoklassniki group ({@code mediatopic.getTopics} by {@code gid}): pages back by OK's {@code anchor} to the
 * last seen topic, then refreshes the comments ({@code discussions.getComments}) of the group's young topics, one
 * topic per page. Both phases live in the cursor, so a cut-short run resumes.
 *
 * <p>Cursor: {@link Backfill} fields over the topics' {@code created_ms} (OK's ids are not ordered in time, and
 * its anchor is opaque), plus {@code anchor} (the next older page of the pass in progress) and the
 * {@link YoungThreads} fields.
 */
@ApplicationScoped
public class OkGroupCrawler implements SourceCrawler {

    private static final Logger LOG = Logger.getLogger(OkGroupCrawler.class);

    private final OkApi api;
    private final CrawlerConfig.Ok config;
    private final Clock clock;
    /** Unknown fields already logged since start: an operator needs each once, not every page. */
    private final Set<String> loggedFields = ConcurrentHashMap.newKeySet();

    public OkGroupCrawler(OkApi api, CrawlerConfig config, Clock clock) {
        this.api = api;
        this.config = config.ok();
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "ok-group";
    }

    @Override
    public Set<String> fields() {
        return Set.of("gid", "comments");
    }

    @Override
    public List<String> validate(SourceSpec spec) {
        List<String> problems = new ArrayList<>();
        String gid = spec.text("gid");
        if (gid == null) {
            problems.add("поле 'gid': обязательно — числовой id группы Одноклассников (ok.ru/group/<gid>)");
        } else if (!gid.matches("\\d{1,20}")) {
            problems.add("поле 'gid': '" + gid + "' — ожидается числовой id группы (ok.ru/group/<gid>)");
        }
        YoungThreads.validate(spec, problems);
        return problems;
    }

    @Override
    public Uni<CrawlPage> fetchPage(CrawlTarget target, JsonNode cursor) {
        ObjectNode state = cursor != null && cursor.isObject() ? ((ObjectNode) cursor).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        String commentsOf = YoungThreads.next(state);
        return commentsOf != null ? comments(target, state, commentsOf) : topics(target, state);
    }

    private Uni<CrawlPage> topics(CrawlTarget target, ObjectNode state) {
        Backfill backfill = Backfill.of(state);
        String gid = target.text("gid");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("gid", gid);
        params.put("count", Integer.toString(config.pageSize()));
        params.put("fields", config.fields());
        if (backfill.inSweep() && state.hasNonNull("anchor")) {
            params.put("anchor", state.get("anchor").asText());
            params.put("direction", config.direction());
        }
        return api.call("mediatopic.getTopics", params)
                .onFailure(OkApi.AccessDenied.class).transform(e -> CrawlFailure.skipped(
                        "Группа " + target.key() + " пропущена: " + e.getMessage()))
                .map(response -> {
                    OkParser.TopicsPage page = OkParser.topics(response, gid);
                    logUnknown(target, page.unknownFields());
                    boolean end = !page.hasMore() || page.anchor() == null;
                    Backfill.Step step = backfill.after(page.createdMs(), backfill.pages() + 1L, end, config.initialPages());
                    step.cursor().writeTo(state);
                    if (step.more()) {
                        state.put("anchor", page.anchor());
                    } else {
                        state.remove("anchor");
                    }
                    boolean more = step.more();
                    if (YoungThreads.wanted(target)) {
                        YoungThreads.remember(state, page.withComments(),
                                clock.instant().minus(config.commentsMaxAge()).getEpochSecond(), config.commentsMaxPosts());
                        if (!more) {
                            more = YoungThreads.queueAll(state);
                        }
                    }
                    return new CrawlPage(page.posts(), state, more, null, null, Map.of(), page.skipped());
                });
    }

    private Uni<CrawlPage> comments(CrawlTarget target, ObjectNode state, String topicExternalId) {
        boolean more = YoungThreads.pending(state);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("entityId", topicExternalId.substring(topicExternalId.indexOf('_') + 1));
        params.put("entityType", "GROUP_TOPIC");
        params.put("count", "100");
        return api.call("discussions.getComments", params)
                .map(response -> {
                    OkParser.CommentsPage page = OkParser.comments(response, topicExternalId);
                    logUnknown(target, page.unknownFields());
                    return new CrawlPage(page.posts(), state, more, null, null, Map.of(), page.skipped());
                })
                .onFailure(OkApi.AccessDenied.class).recoverWithItem(e -> {
                    // comments closed or the topic removed: skip this topic, keep the rest
                    YoungThreads.forget(state, topicExternalId);
                    return new CrawlPage(List.of(), state, more, null, null, Map.of(),
                            List.of("Комментарии к " + topicExternalId + " пропущены: " + e.getMessage()));
                });
    }

    private void logUnknown(CrawlTarget target, Set<String> fields) {
        for (String field : fields) {
            if (loggedFields.add(field)) {
                LOG.infof("Одноклассники (%s): в ответе API неизвестное поле '%s' — проверьте, не несёт ли оно текст или дату",
                        target.key(), field);
            }
        }
    }
}
