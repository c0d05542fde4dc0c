package ru.otklik.crawler.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.otklik.crawler.Backfill;
import ru.otklik.crawler.BlockingIo;
import ru.otklik.crawler.CrawlFailure;
import ru.otklik.crawler.CrawlPage;
import ru.otklik.crawler.CrawlTarget;
import ru.otklik.crawler.CrawlerConfig;
import ru.otklik.crawler.SourceCrawler;
import ru.otklik.crawler.SourceSpec;
import ru.otklik.crawler.fetch.FetchRequest;

/**
 * A public Telegram channel through its web preview {@code <base>/s/<channel>}, paging back with
 * {@code ?before=<id>} to the last seen message ({@link Backfill}, position = the {@code before} id).
 * A channel without messages is reported in the run's skipped list; a name without a preview (private channel,
 * bot, typo) skips the source with the reason, and neither fails the crawler.
 */
@ApplicationScoped
public class TelegramCrawler implements SourceCrawler {

    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");
    private static final Pattern FROM_URL = Pattern.compile("t\\.me/(?:s/)?([A-Za-z][A-Za-z0-9_]{3,31})/?$");

    private final BlockingIo io;
    private final CrawlerConfig config;

    public TelegramCrawler(BlockingIo io, CrawlerConfig config) {
        this.io = io;
        this.config = config;
    }

    @Override
    public String kind() {
        return "telegram";
    }

    @Override
    public Set<String> fields() {
        return Set.of("channel");
    }

    @Override
    public List<String> validate(SourceSpec spec) {
        List<String> problems = new ArrayList<>();
        String channel = channel(spec.text("channel"), spec.url());
        if (channel == null) {
            problems.add("поле 'channel': обязательно — имя публичного канала (например tularegion71) или url https://t.me/<канал>");
        } else if (!CHANNEL.matcher(channel).matches()) {
            problems.add("поле 'channel': '" + channel + "' — имя канала из латиницы, цифр и '_', 5–32 символа");
        }
        return problems;
    }

    @Override
    public Uni<CrawlPage> fetchPage(CrawlTarget target, JsonNode cursor) {
        String channel = channel(target.text("channel"), target.url());
        Backfill backfill = Backfill.of(cursor);
        String url = config.telegram().baseUrl().replaceAll("/+$", "") + "/s/" + channel
                + (backfill.inSweep() ? "?before=" + backfill.position() : "");
        return io.fetch(FetchRequest.get(url).withHeader("Accept", "text/html"), response -> {
            TelegramParser.Page page = TelegramParser.parse(response.text(), response.finalUrl());
            if (!page.hasPreview()) {
                throw CrawlFailure.skipped("Канал @" + channel + " не показывает веб-превью (закрыт, не существует или это не канал)");
            }
            List<String> skipped = new ArrayList<>(page.skipped());
            if (page.ids().isEmpty() && !backfill.inSweep()) {
                skipped.add("Канал @" + channel + ": сообщений нет");
            }
            Backfill.Step step = backfill.after(page.ids(), page.before() == null ? 0 : page.before(),
                    page.before() == null, config.telegram().initialPages());
            ObjectNode state = step.cursor().toJson();
            if (page.channelTitle() != null) {
                state.put("channelTitle", page.channelTitle());
            }
            if (page.subscribers() != null) {
                state.put("subscribers", page.subscribers());
            } else if (cursor != null && cursor.hasNonNull("subscribers")) {
                state.set("subscribers", cursor.get("subscribers"));
            }
            return new CrawlPage(page.posts(), state, step.more(), null, null, Map.of(), skipped);
        });
    }

    /** The channel name from the {@code channel} field, else from a t.me URL. */
    static String channel(String field, String url) {
        if (field != null) {
            String c = field.strip();
            return c.startsWith("@") ? c.substring(1) : c;
        }
        if (url != null) {
            Matcher m = FROM_URL.matcher(url.strip());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

}
