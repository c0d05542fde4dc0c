package ru.otklik.crawler.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import ru.otklik.crawler.HtmlText;
import ru.otklik.post.PostDraft;
import ru.otklik.post.PostMetrics;

/**
 * A page without a feed, read with the CSS selectors of its definition: {@code item} finds each news item,
 * {@code title}, {@code text}, {@code date} and {@code link} are looked up inside it. Pure.
 */
public final class WebPageParser {

    /** Moscow when the page's dates carry no zone: the region's sites write local time. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");

    private WebPageParser() {
    }

    /**
     * @param dateFormat a {@link DateTimeFormatter} pattern ("dd.MM.yyyy HH:mm", "d MMMM yyyy" with Russian month
     *                   names), or null for ISO 8601 / the {@code datetime} attribute of a {@code <time>}
     */
    public record Selectors(String item, String title, String text, String date, String dateFormat, String link) {
    }

    public record Result(List<PostDraft> posts, List<String> skipped) {
    }

    public static Result parse(String html, String pageUrl, Selectors s, Instant fetchedAt) {
        Document doc = Jsoup.parse(html, pageUrl);
        List<PostDraft> posts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        DateTimeFormatter format = s.dateFormat() == null ? null
                : DateTimeFormatter.ofPattern(s.dateFormat(), Locale.forLanguageTag("ru"));
        int n = 0;
        for (Element item : doc.select(s.item())) {
            n++;
            Element titleEl = s.title() == null ? null : item.selectFirst(s.title());
            Element textEl = s.text() == null ? item : item.selectFirst(s.text());
            Element linkEl = s.link() == null ? null : item.selectFirst(s.link());
            String title = titleEl == null ? null : blankToNull(titleEl.text());
            String text = textEl == null ? "" : HtmlText.of(textEl);
            String link = linkEl == null ? null : blankToNull(linkEl.absUrl("href"));
            if (text.isBlank() && title == null) {
                skipped.add("Элемент №" + n + " на " + pageUrl + ": нет ни текста, ни заголовка");
                continue;
            }
            Instant published = fetchedAt;
            if (s.date() != null) {
                Element dateEl = item.selectFirst(s.date());
                Instant parsed = dateEl == null ? null : date(dateEl, format);
                if (parsed == null) {
                    skipped.add("Элемент №" + n + " на " + pageUrl + ": дата не разобрана ('"
                            + (dateEl == null ? "нет элемента" : dateEl.text()) + "'), взято время обхода");
                } else {
                    published = parsed;
                }
            }
            ObjectNode raw = JsonNodeFactory.instance.objectNode();
            raw.put("page", pageUrl);
            raw.put("html", item.outerHtml().length() > 20_000 ? item.outerHtml().substring(0, 20_000) : item.outerHtml());
            String id = link != null ? link : "sha256:" + sha(pageUrl + "|" + title + "|" + text);
            posts.add(new PostDraft(id, link, null, null, title, text, published, PostMetrics.NONE, null, raw));
        }
        return new Result(posts, skipped);
    }

    static Instant date(Element el, DateTimeFormatter format) {
        String value = el.hasAttr("datetime") ? el.attr("datetime") : el.text().strip();
        try {
            if (format == null) {
                TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from, LocalDateTime::from);
                return t instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) t).atZone(DEFAULT_ZONE).toInstant();
            }
            TemporalAccessor t = format.parseBest(value.toLowerCase(Locale.ROOT), ZonedDateTime::from, LocalDateTime::from,
                    LocalDate::from);
            if (t instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            if (t instanceof LocalDateTime l) {
                return l.atZone(DEFAULT_ZONE).toInstant();
            }
            return ((LocalDate) t).atStartOfDay(DEFAULT_ZONE).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
