package ru.otklik.crawler.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import ru.otklik.crawler.HtmlText;
import ru.otklik.post.PostDraft;
import ru.otklik.post.PostMetrics;

/**
 * A public channel's web preview ({@code https://t.me/s/<channel>}) to posts, with Jsoup. Pure.
 *
 * <p>A message is {@code div.tgme_widget_message[data-post="channel/123"]}; its text keeps line breaks
 * ({@code <br>}) and its links go to {@code raw.links}. A reply's parent is the message it answers
 * ({@code parentExternalId}); a forward keeps its origin in {@code raw.forwardedFrom}.
 */
public final class TelegramParser {

    private static final Pattern COUNT = Pattern.compile("([\\d.,]+)\\s*([KMB])?", Pattern.CASE_INSENSITIVE);

    private TelegramParser() {
    }

    /**
     * @param hasPreview   false when the page is not a channel preview at all (private channel, bot, no such name)
     * @param before       the id to page back from ({@code ?before=}), null when the page has no older messages
     */
    public record Page(String channelTitle, Long subscribers, List<PostDraft> posts, List<Long> ids, Long before,
                       boolean hasPreview, List<String> skipped) {
    }

    public static Page parse(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl);
        Element info = doc.selectFirst(".tgme_channel_info");
        String title = text(doc.selectFirst(".tgme_channel_info_header_title"));
        if (title == null) {
            title = text(doc.selectFirst(".tgme_header_title"));
        }
        Long subscribers = null;
        for (Element counter : doc.select(".tgme_channel_info_counter")) {
            String type = counter.select(".counter_type").text().toLowerCase(Locale.ROOT);
            if (type.startsWith("subscriber") || type.startsWith("подписч") || type.startsWith("member")) {
                subscribers = count(counter.select(".counter_value").text());
            }
        }
        List<PostDraft> posts = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Element message : doc.select("div.tgme_widget_message[data-post]")) {
            String dataPost = message.attr("data-post");
            Long id = idOf(dataPost);
            if (id == null) {
                skipped.add("Telegram: непонятный data-post '" + dataPost + "'");
                continue;
            }
            ids.add(id);
            PostDraft draft = message(message, dataPost);
            if (draft == null) {
                skipped.add("Telegram " + dataPost + ": сообщение без текста и без даты");
            } else {
                posts.add(draft);
            }
        }
        Element more = doc.selectFirst(".tme_messages_more[data-before]");
        Long before = more == null ? null : parseLong(more.attr("data-before"));
        if (before == null && !ids.isEmpty()) {
            long min = ids.stream().mapToLong(Long::longValue).min().getAsLong();
            before = min > 1 ? min : null;
        }
        boolean hasPreview = info != null || !ids.isEmpty() || doc.selectFirst(".tgme_channel_history") != null;
        return new Page(title, subscribers, posts, ids, before, hasPreview, skipped);
    }

    static PostDraft message(Element m, String dataPost) {
        String channel = dataPost.substring(0, dataPost.indexOf('/'));
        Element time = m.selectFirst(".tgme_widget_message_date time[datetime], time[datetime]");
        if (time == null) {
            return null;
        }
        Instant published = OffsetDateTime.parse(time.attr("datetime")).toInstant();
        Element textEl = m.selectFirst(".tgme_widget_message_text");
        ObjectNode raw = JsonNodeFactory.instance.objectNode();
        raw.put("dataPost", dataPost);
        raw.put("channel", channel);
        ArrayNode links = raw.putArray("links");
        String text = "";
        if (textEl != null) {
            Element copy = textEl.clone();
            copy.select("span[style]").remove(); // invisible spacers the preview adds before the footer
            for (Element a : copy.select("a[href]")) {
                links.addObject().put("text", a.text()).put("href", a.absUrl("href").isEmpty() ? a.attr("href") : a.absUrl("href"));
            }
            text = HtmlText.of(copy);
        }
        Set<String> media = mediaKinds(m);
        raw.set("media", JsonNodeFactory.instance.arrayNode().addAll(media.stream().map(JsonNodeFactory.instance::textNode).toList()));
        if (text.isBlank()) {
            text = fallbackText(m);
        }
        if (text.isBlank()) {
            text = media.isEmpty() ? "" : "[" + String.join(", ", media) + "]";
        }
        if (text.isBlank()) {
            return null;
        }
        Element forwarded = m.selectFirst(".tgme_widget_message_forwarded_from_name");
        if (forwarded != null) {
            raw.putObject("forwardedFrom").put("name", forwarded.text()).put("url", forwarded.absUrl("href"));
        }
        String parent = null;
        Element reply = m.selectFirst("a.tgme_widget_message_reply[href]");
        if (reply != null) {
            String href = reply.attr("href");
            Matcher rm = Pattern.compile("t\\.me/(?:s/)?([\\w]+)/(\\d+)").matcher(href);
            if (rm.find()) {
                parent = rm.group(1) + "/" + rm.group(2);
                raw.put("replyTo", parent);
            }
        }
        Element meta = m.selectFirst(".tgme_widget_message_meta");
        boolean edited = meta != null && ownText(meta).toLowerCase(Locale.ROOT).matches(".*\\b(edited|изменено|ред\\.)\\b.*");
        raw.put("edited", edited);
        String owner = text(m.selectFirst(".tgme_widget_message_owner_name"));
        String signature = text(m.selectFirst(".tgme_widget_message_from_author"));
        raw.put("ownerName", owner);
        if (signature != null) {
            raw.put("signature", signature);
        }
        Long views = count(text(m.selectFirst(".tgme_widget_message_views")));
        return new PostDraft(dataPost, "https://t.me/" + dataPost, channel, signature != null ? signature : owner,
                null, text, published, new PostMetrics(null, null, null, views), parent, raw);
    }

    /** What a message carries besides text, in the preview's own terms. */
    static Set<String> mediaKinds(Element m) {
        Set<String> kinds = new LinkedHashSet<>();
        if (m.selectFirst(".tgme_widget_message_grouped_wrap") != null) {
            kinds.add("album");
        }
        if (m.selectFirst(".tgme_widget_message_photo_wrap") != null) {
            kinds.add("photo");
        }
        if (m.selectFirst(".tgme_widget_message_roundvideo_player, .tgme_widget_message_roundvideo_wrap") != null) {
            kinds.add("round_video");
        } else if (m.selectFirst(".tgme_widget_message_video_player") != null) {
            kinds.add(m.selectFirst(".tgme_widget_message_video_player.not_supported, .message_video_play.not_supported") != null
                    ? "video_too_big" : "video");
        }
        if (m.selectFirst(".tgme_widget_message_voice_player, .tgme_widget_message_voice") != null) {
            kinds.add("voice");
        }
        if (m.selectFirst(".tgme_widget_message_document_wrap") != null) {
            kinds.add("document");
        }
        if (m.selectFirst(".tgme_widget_message_sticker_wrap, .tgme_widget_message_tgsticker_wrap, .tgme_widget_message_videosticker_wrap") != null) {
            kinds.add("sticker");
        }
        if (m.selectFirst(".tgme_widget_message_poll") != null) {
            kinds.add("poll");
        }
        if (m.selectFirst(".tgme_widget_message_link_preview") != null) {
            kinds.add("link_preview");
        }
        if (m.selectFirst(".tgme_widget_message_location_wrap, .tgme_widget_message_venue_wrap") != null) {
            kinds.add("location");
        }
        return kinds;
    }

    /** For a message without text: the poll question and options, a document's title, a link preview. */
    private static String fallbackText(Element m) {
        List<String> parts = new ArrayList<>();
        Element poll = m.selectFirst(".tgme_widget_message_poll_question");
        if (poll != null) {
            StringBuilder b = new StringBuilder(poll.text());
            m.select(".tgme_widget_message_poll_option_text").forEach(o -> b.append("\n— ").append(o.text()));
            parts.add(b.toString());
        }
        Element doc = m.selectFirst(".tgme_widget_message_document_title");
        if (doc != null) {
            parts.add(doc.text());
        }
        Element preview = m.selectFirst(".tgme_widget_message_link_preview");
        if (preview != null) {
            String t = String.join("\n", preview.select(".link_preview_title, .link_preview_description").eachText());
            parts.add(t);
        }
        return String.join("\n\n", parts.stream().filter(p -> !p.isBlank()).toList()).strip();
    }

    /** "1.5K" → 1500, "214.4K" → 214400, "2M" → 2000000, "987" → 987; null when unreadable. */
    public static Long count(String shown) {
        if (shown == null) {
            return null;
        }
        Matcher m = COUNT.matcher(shown.replace(" ", "").replace("\u00A0", ""));
        if (!m.find()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1).replace(",", "."));
        String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
        double factor = switch (unit) {
            case "K" -> 1_000;
            case "M" -> 1_000_000;
            case "B" -> 1_000_000_000;
            default -> 1;
        };
        return Math.round(value * factor);
    }

    private static Long idOf(String dataPost) {
        int slash = dataPost.lastIndexOf('/');
        return slash <= 0 ? null : parseLong(dataPost.substring(slash + 1));
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String ownText(Element e) {
        StringBuilder b = new StringBuilder();
        for (org.jsoup.nodes.Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                b.append(t.text()).append(' ');
            }
        }
        return b.toString().strip();
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.text().strip();
        return t.isEmpty() ? null : t;
    }
}
