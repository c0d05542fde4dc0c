package ru.otklik.crawler.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.otklik.crawler.CrawlFailure;
import ru.otklik.crawler.CrawlPage;
import ru.otklik.crawler.CrawlTarget;
import ru.otklik.crawler.SourceCrawler;
import ru.otklik.crawler.SourceSpec;
import ru.otklik.crawler.fetch.FetchRequest;
import ru.otklik.crawler.fetch.Fetcher;

/**
 * A news page without a feed (a municipality's site), read with CSS selectors; robots.txt obeyed, conditional
 * GET used. Definition: {@code url}, {@code selectors: {item, title, text, date, link}}, {@code dateFormat}.
 */
@ApplicationScoped
public class WebCrawler implements SourceCrawler {

    private final ru.otklik.crawler.BlockingIo io;
    private final Fetcher fetcher;
    private final Robots robots;
    private final Clock clock;

    public WebCrawler(ru.otklik.crawler.BlockingIo io, Fetcher fetcher, Robots robots, Clock clock) {
        this.io = io;
        this.fetcher = fetcher;
        this.robots = robots;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "web";
    }

    @Override
    public Set<String> fields() {
        return Set.of("selectors", "dateFormat");
    }

    @Override
    public List<String> validate(SourceSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec.url() == null || !spec.url().matches("(?i)https?://\\S+")) {
            problems.add("поле 'url': обязательно — адрес страницы http(s)://…");
        }
        JsonNode selectors = spec.node("selectors");
        if (selectors == null || !selectors.isObject()) {
            problems.add("поле 'selectors': обязательно — объект с CSS-селекторами item, title, text, date, link");
        } else {
            if (!selectors.hasNonNull("item")) {
                problems.add("поле 'selectors.item': обязательно — CSS-селектор одного материала на странице");
            }
            selectors.fieldNames().forEachRemaining(name -> {
                if (!Set.of("item", "title", "text", "date", "link").contains(name)) {
                    problems.add("поле 'selectors." + name + "': неизвестно, допустимы item, title, text, date, link");
                    return;
                }
                try {
                    org.jsoup.select.QueryParser.parse(selectors.get(name).asText());
                } catch (RuntimeException e) {
                    problems.add("поле 'selectors." + name + "': некорректный CSS-селектор '" + selectors.get(name).asText() + "'");
                }
            });
        }
        String format = spec.text("dateFormat");
        if (format != null) {
            try {
                DateTimeFormatter.ofPattern(format);
            } catch (IllegalArgumentException e) {
                problems.add("поле 'dateFormat': некорректный шаблон даты '" + format + "' (" + e.getMessage() + ")");
            }
        }
        return problems;
    }

    @Override
    public Uni<CrawlPage> fetchPage(CrawlTarget target, JsonNode cursor) {
        JsonNode sel = target.config().path("selectors");
        WebPageParser.Selectors selectors = new WebPageParser.Selectors(text(sel, "item"), text(sel, "title"),
                text(sel, "text"), text(sel, "date"), target.text("dateFormat"), text(sel, "link"));
        return io.run(() -> {
            if (!robots.allowed(target.url())) {
                throw CrawlFailure.skipped("robots.txt запрещает обход " + target.url());
            }
            var response = fetcher.fetch(FetchRequest.get(target.url()).withHeader("Accept", "text/html")
                    .conditional(target.etag(), target.lastModified()));
            if (response.notModified()) {
                return CrawlPage.notModified(cursor);
            }
            WebPageParser.Result result = WebPageParser.parse(response.text(), response.finalUrl(), selectors, clock.instant());
            if (result.posts().isEmpty()) {
                // a redesign breaks selectors silently; failing makes the operator see it in health
                throw CrawlFailure.transientFailure("На странице " + target.url() + " селектор '" + selectors.item()
                        + "' не нашёл ни одного материала — проверьте селекторы", null, null);
            }
            return new CrawlPage(result.posts(), cursor, false, response.etag(), response.lastModified(), Map.of(),
                    result.skipped());
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
