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
import ru.otklik.crawler.CrawlFailure;
import ru.otklik.crawler.CrawlPage;
import ru.otklik.crawler.CrawlTarget;
import ru.otklik.crawler.CrawlerConfig;
import ru.otklik.crawler.SourceCrawler;
import ru.otklik.crawler.SourceSpec;

/**
 * A keyword (and optionally geo) search over all of VK ({@code newsfeed.search}): each pass asks for posts since
 * the newest one of the previous pass ({@code start_time}) and follows {@code next_from} to the end.
 *
 * <p>Cursor: {@code {"since": <epoch s>, "sweep": {"startTime": …, "nextFrom": "…", "maxDate": …}}}. Since is
 * inclusive, so the newest post of a pass comes again in the next one; the upsert makes that harmless.
 */
@ApplicationScoped
public class VkSearchCrawler implements SourceCrawler {

    private final VkApi api;
    private final CrawlerConfig.Vk config;
    private final Clock clock;

    public VkSearchCrawler(VkApi api, CrawlerConfig config, Clock clock) {
        this.api = api;
        this.config = config.vk();
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "vk-search";
    }

    @Override
    public Set<String> fields() {
        return Set.of("q", "latitude", "longitude");
    }

    @Override
    public List<String> validate(SourceSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec.text("q") == null) {
            problems.add("поле 'q': обязательно — поисковый запрос VK, например \"Тула ЖКХ\"");
        }
        JsonNode lat = spec.node("latitude");
        JsonNode lon = spec.node("longitude");
        if ((lat == null) != (lon == null)) {
            problems.add("поля 'latitude' и 'longitude': задаются вместе");
        }
        if (lat != null && (!lat.isNumber() || Math.abs(lat.asDouble()) > 90)) {
            problems.add("поле 'latitude': ожидается число от -90 до 90, получено " + lat);
        }
        if (lon != null && (!lon.isNumber() || Math.abs(lon.asDouble()) > 180)) {
            problems.add("поле 'longitude': ожидается число от -180 до 180, получено " + lon);
        }
        return problems;
    }

    @Override
    public Uni<CrawlPage> fetchPage(CrawlTarget target, JsonNode cursor) {
        ObjectNode state = cursor != null && cursor.isObject() ? ((ObjectNode) cursor).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        JsonNode sweep = state.path("sweep");
        long startTime = sweep.isObject() ? sweep.path("startTime").asLong()
                : state.hasNonNull("since") ? state.path("since").asLong()
                : clock.instant().minus(config.searchInitialWindow()).getEpochSecond();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", target.text("q"));
        params.put("extended", "1");
        params.put("count", Integer.toString(config.searchPageSize()));
        params.put("start_time", Long.toString(startTime));
        if (sweep.isObject()) {
            params.put("start_from", sweep.path("nextFrom").asText());
        }
        if (target.text("latitude") != null) {
            params.put("latitude", target.text("latitude"));
            params.put("longitude", target.text("longitude"));
        }
        return api.call("newsfeed.search", params)
                .onFailure(VkApi.AccessDenied.class).transform(e -> CrawlFailure.skipped(
                        "Поиск " + target.key() + " пропущен: " + e.getMessage()))
                .map(response -> {
                    VkParser.Page page = VkParser.posts(response);
                    long maxDate = sweep.path("maxDate").asLong(startTime);
                    for (JsonNode item : response.path("items")) {
                        maxDate = Math.max(maxDate, item.path("date").asLong());
                    }
                    String next = response.path("next_from").asText("");
                    boolean more = !next.isEmpty() && !response.path("items").isEmpty();
                    if (more) {
                        state.putObject("sweep").put("startTime", startTime).put("nextFrom", next).put("maxDate", maxDate);
                    } else {
                        state.remove("sweep");
                        state.put("since", maxDate);
                    }
                    return new CrawlPage(page.posts(), state, more, null, null, page.reposts(), page.skipped());
                });
    }
}
