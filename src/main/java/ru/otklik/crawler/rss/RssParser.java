package ru.otklik.crawler.rss;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import ru.otklik.crawler.HtmlText;
import ru.otklik.post.PostDraft;
import ru.otklik.post.PostMetrics;

/** RSS 0.9x/1.0/2.0 and Atom through Rome, one {@link PostDraft} per entry. Pure: no I/O, no clock but the one passed. */
public final class RssParser {

    private RssParser() {
    }

    /** A parsed feed: its title and entries. */
    public record Feed(String title, List<PostDraft> posts) {
    }

    /**
     * @param body      the feed bytes as received; Rome's XmlReader finds the encoding and skips a BOM
     * @param fetchedAt used as the publication time of entries that carry no date
     */
    public static Feed parse(byte[] body, Instant fetchedAt) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no DTDs: closes the XXE door on feeds from the open web
            feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Лента не разобрана как RSS/Atom: " + e.getMessage(), e);
        }
        List<PostDraft> posts = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            PostDraft draft = draft(entry, fetchedAt);
            if (draft != null) {
                posts.add(draft);
            }
        }
        return new Feed(feed.getTitle(), posts);
    }

    private static PostDraft draft(SyndEntry e, Instant fetchedAt) {
        String title = blankToNull(e.getTitle() == null ? null : HtmlText.of(e.getTitle()));
        String text = HtmlText.of(body(e));
        if (text.isBlank() && title == null) {
            return null;
        }
        Instant published = e.getPublishedDate() != null ? e.getPublishedDate().toInstant()
                : e.getUpdatedDate() != null ? e.getUpdatedDate().toInstant() : fetchedAt;
        String author = blankToNull(e.getAuthor());
        return new PostDraft(externalId(e), blankToNull(e.getLink()), author, author, title, text, published,
                PostMetrics.NONE, null, raw(e));
    }

    /** The description (RSS) or summary, else the content (Atom {@code <content>}, {@code content:encoded}). */
    private static String body(SyndEntry e) {
        if (e.getDescription() != null && e.getDescription().getValue() != null
                && !e.getDescription().getValue().isBlank()) {
            return e.getDescription().getValue();
        }
        StringBuilder all = new StringBuilder();
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null) {
                all.append(c.getValue()).append("\n");
            }
        }
        return all.toString();
    }

    /** The guid / Atom id; else the link; else a hash of title and date, stable across fetches. */
    static String externalId(SyndEntry e) {
        if (e.getUri() != null && !e.getUri().isBlank()) {
            return e.getUri().trim();
        }
        if (e.getLink() != null && !e.getLink().isBlank()) {
            return e.getLink().trim();
        }
        String seed = e.getTitle() + "|" + e.getPublishedDate();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ObjectNode raw(SyndEntry e) {
        ObjectNode raw = JsonNodeFactory.instance.objectNode();
        raw.put("guid", e.getUri());
        raw.put("link", e.getLink());
        raw.put("author", e.getAuthor());
        if (e.getPublishedDate() != null) {
            raw.put("published", e.getPublishedDate().toInstant().toString());
        }
        if (e.getUpdatedDate() != null) {
            raw.put("updated", e.getUpdatedDate().toInstant().toString());
        }
        ArrayNode categories = raw.putArray("categories");
        for (SyndCategory c : e.getCategories()) {
            categories.add(c.getName());
        }
        ArrayNode enclosures = raw.putArray("enclosures");
        for (SyndEnclosure enc : e.getEnclosures()) {
            enclosures.addObject().put("url", enc.getUrl()).put("type", enc.getType()).put("length", enc.getLength());
        }
        return raw;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
