package ru.otklik.nlp.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the hand-labelled social-media set ({@code labelled/*.tsv}, format in {@code labelled/README.md}).
 * Texts of the shared corpora are not in the files (their licences): they are resolved by {@code ref} from
 * {@code ../shared/datasets}; without it, those rows are skipped and counted, and the {@code written} rows
 * (text in the file) are still read.
 */
public final class LabelledPosts {

    /**
     * One labelled text. {@code incident} is problem, question or none; {@code topic} is empty for none;
     * {@code ref} says where the text comes from (empty when nowhere).
     */
    public record Post(String id, String split, String source, String ref, String text, String incident,
                       String topic) {

        public boolean isIncident() {
            return !"none".equals(incident);
        }

        public boolean test() {
            return "test".equals(split);
        }
    }

    /** The rows read, and how many could not get their text (no shared datasets, or an unknown ref). */
    public record Result(List<Post> posts, int unresolved) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> datasets;
    private Map<String, String> tweets;
    private Map<String, String> lenta;
    private final Map<String, Document> telegramPages = new HashMap<>();
    private final Map<String, JsonNode> vkFiles = new HashMap<>();

    /** @param datasets the {@code shared/datasets} directory, when present */
    public LabelledPosts(Optional<Path> datasets) {
        this.datasets = datasets.filter(Files::isDirectory);
    }

    /** Every {@code *.tsv} of the directory, in name order. */
    public Result read(Path dir) throws IOException {
        List<Post> posts = new ArrayList<>();
        int unresolved = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                continue;
            }
            List<String> header = List.of(lines.get(0).split("\t", -1));
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split("\t", -1);
                if (f.length < header.size()) {
                    throw new IOException(file + ":" + (i + 1) + ": expected " + header.size() + " columns, got "
                            + f.length);
                }
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    row.put(header.get(c), f[c].strip());
                }
                String text = row.get("text").isEmpty() ? resolve(row.get("source"), row.get("ref")) : row.get("text");
                if (text == null || text.isBlank()) {
                    unresolved++;
                    continue;
                }
                posts.add(new Post(row.get("id"), row.get("split"), row.get("source"), row.getOrDefault("ref", ""),
                        text, row.get("incident"),
                        row.getOrDefault("topic", "")));
            }
        }
        return new Result(posts, unresolved);
    }

    private String resolve(String source, String ref) throws IOException {
        if (datasets.isEmpty() || ref == null || ref.isEmpty()) {
            return null;
        }
        Path root = datasets.get();
        return switch (source) {
            case "rusentitweet" -> tweets(root).get(ref);
            case "lenta" -> lenta(root).get(ref);
            case "telegram" -> telegram(root, ref);
            case "vk-fixture" -> vk(root, ref);
            default -> null;
        };
    }

    private Map<String, String> tweets(Path root) throws IOException {
        if (tweets == null) {
            tweets = new HashMap<>();
            for (Map<String, String> row : Csv.read(root.resolve("rusentitweet/rusentitweet_train.csv"), ',')) {
                tweets.put(row.getOrDefault("id", ""), row.getOrDefault("text", ""));
            }
        }
        return tweets;
    }

    /** Title and description of each RSS item by guid: what a crawler stores as the post's text. */
    private Map<String, String> lenta(Path root) throws IOException {
        if (lenta == null) {
            lenta = new HashMap<>();
            Document xml = Jsoup.parse(Files.readString(root.resolve("rss-lenta-sample/lenta.xml")), "",
                    org.jsoup.parser.Parser.xmlParser());
            for (Element item : xml.select("item")) {
                lenta.putIfAbsent(item.selectFirst("guid").text(),
                        item.selectFirst("title").text() + ". " + Jsoup.parse(item.select("description").text()).text());
            }
        }
        return lenta;
    }

    /** {@code <file>#<data-post>}: the text of that message in a Telegram web-preview fixture. */
    private String telegram(Path root, String ref) throws IOException {
        int hash = ref.indexOf('#');
        Document page = telegramPages.get(ref.substring(0, hash));
        if (page == null) {
            page = Jsoup.parse(Files.readString(root.resolve("telegram-web-preview-fixtures").resolve(ref.substring(0, hash))));
            telegramPages.put(ref.substring(0, hash), page);
        }
        Element message = page.selectFirst("[data-post=" + ref.substring(hash + 1) + "]");
        Element text = message == null ? null : message.selectFirst(".tgme_widget_message_text");
        return text == null ? null : text.wholeText().strip();
    }

    /** {@code <file>#<owner>_<id>}: the text of that post or comment anywhere in a VK API fixture. */
    private String vk(Path root, String ref) throws IOException {
        int hash = ref.indexOf('#');
        String file = ref.substring(0, hash);
        JsonNode json = vkFiles.get(file);
        if (json == null) {
            Path dir = root.resolve("vk-api-fixtures-vknet");
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    path = s.filter(p -> p.getFileName().toString().equals(Path.of(file).getFileName().toString()))
                            .findFirst().orElse(null);
                }
            }
            if (path == null) {
                return null;
            }
            json = JSON.readTree(path.toFile());
            vkFiles.put(file, json);
        }
        return findVk(json, ref.substring(hash + 1));
    }

    private static String findVk(JsonNode node, String key) {
        if (node.isObject() && node.hasNonNull("text")) {
            String id = node.path("id").isMissingNode() ? node.path("post_id").asText() : node.path("id").asText();
            for (String owner : List.of("owner_id", "source_id", "from_id")) {
                if (node.has(owner) && key.equals(node.path(owner).asText() + "_" + id)) {
                    return node.path("text").asText();
                }
            }
            if (node.has("post_id") && key.equals(node.path("source_id").asText() + "_" + node.path("post_id").asText())) {
                return node.path("text").asText();
            }
        }
        for (JsonNode child : node) {
            String found = findVk(child, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
