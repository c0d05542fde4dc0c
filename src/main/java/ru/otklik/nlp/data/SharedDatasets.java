package ru.otklik.nlp.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.otklik.nlp.train.Conllu;

/**
 * Reads the raw corpora under {@code shared/datasets}. Raw data never enters the repository; only models
 * trained from it do. Every reader returns examples with a stable source id, used for the dev split.
 */
public final class SharedDatasets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    /** @param root the {@code shared/datasets} directory */
    public SharedDatasets(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path kurskFile() {
        return root.resolve("kursk-citizen-appeals/train_dataset_train.csv");
    }

    /** Kursk appeals labelled with a column ({@code Категория} or {@code Ответственное лицо}). */
    public List<LabeledText> kursk(String labelColumn) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        for (Map<String, String> row : Csv.read(kurskFile(), ',')) {
            String text = row.getOrDefault("Текст Сообщения", "");
            String label = row.getOrDefault(labelColumn, "").strip();
            if (!text.isBlank() && !label.isEmpty()) {
                out.add(new LabeledText("kursk-" + row.get("id"), text, label));
            }
        }
        return out;
    }

    /** SPb appeals with their coarse category, de-duplicated by text (many are "Мусор на газоне"). */
    public List<LabeledText> spbCategories() throws IOException {
        return spb("category");
    }

    /** SPb appeals with their fine portal reason ("Реализация товаров в местах, не предназначенных…"). */
    public List<LabeledText> spbReasons() throws IOException {
        return spb("reason");
    }

    private List<LabeledText> spb(String labelField) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String part : List.of("spb_appeals_part1.jsonl", "spb_appeals_part2.jsonl")) {
            try (BufferedReader r = Files.newBufferedReader(root.resolve("spb-our-city-appeals").resolve(part),
                    StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode n = JSON.readTree(line);
                    String text = n.path("text").asText("");
                    String cat = n.path(labelField).asText("");
                    if (text.length() >= 15 && !cat.isEmpty() && seen.add(text.strip().toLowerCase())) {
                        out.add(new LabeledText("spb-" + n.path("id").asText(), text, cat));
                    }
                }
            }
        }
        return out;
    }

    public Path ruSentiTweetFile() {
        return root.resolve("rusentitweet/rusentitweet_train.csv");
    }

    /** RuSentiTweet train file: negative, neutral, positive, skip, speech. */
    public List<LabeledText> ruSentiTweet() throws IOException {
        List<LabeledText> out = new ArrayList<>();
        for (Map<String, String> row : Csv.read(ruSentiTweetFile(), ',')) {
            String text = row.getOrDefault("text", "");
            String label = row.getOrDefault("label", "").strip();
            if (!text.isBlank() && !label.isEmpty()) {
                out.add(new LabeledText("rst-" + row.get("id"), text, label));
            }
        }
        return out;
    }

    /** RUSSE-2022 toxic comments with the first neutral paraphrase; {@code file} is train.tsv or dev.tsv. */
    public List<LabeledText> russe(String file) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(root.resolve("russe-detox-2022").resolve(file), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int toxic = header.indexOf("toxic_comment");
        int neutral = header.indexOf("neutral_comment1");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length <= Math.max(toxic, neutral)) {
                continue;
            }
            String id = "russe-" + file + "-" + i;
            out.add(new LabeledText(id + "-t", f[toxic], "conflict"));
            if (!f[neutral].isBlank()) {
                out.add(new LabeledText(id + "-n", f[neutral], "none"));
            }
        }
        return out;
    }

    /**
     * Skoltech appropriateness (val.csv, the only labelled file present): inappropriate ≥ 0.75 counts as
     * conflict, ≤ 0.25 as none; the uncertain middle is left out.
     */
    public List<LabeledText> skoltech() throws IOException {
        List<LabeledText> out = new ArrayList<>();
        readSkoltech((id, text, score) -> {
            if (score <= 0.25 || score >= 0.75) {
                out.add(new LabeledText(id, text, score >= 0.75 ? "conflict" : "none"));
            }
        });
        return out;
    }

    /**
     * Every Skoltech appropriateness row with the published task's label: conflict when inappropriate ≥ 0.5,
     * else none. Same ids as {@link #skoltech()}, so a CRC32 split puts each row on the same side in both.
     */
    public List<LabeledText> skoltechInappropriate() throws IOException {
        return skoltechFrom(0.5);
    }

    /** Every Skoltech appropriateness row, conflict when inappropriate ≥ {@code cut}, else none. */
    public List<LabeledText> skoltechFrom(double cut) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        readSkoltech((id, text, score) -> out.add(new LabeledText(id, text, score >= cut ? "conflict" : "none")));
        return out;
    }

    private interface ScoredRow {
        void accept(String id, String text, double inappropriate);
    }

    /** Rows with a text and a numeric score; id {@code skol-<hex of the text's hashCode>}. */
    private void readSkoltech(ScoredRow sink) throws IOException {
        Path file = root.resolve("skoltech-inappropriate-sensitive/Version1/appropriateness/val.csv");
        for (Map<String, String> row : Csv.read(file, ',')) {
            String text = row.getOrDefault("text", "");
            double score;
            try {
                score = Double.parseDouble(row.getOrDefault("inappropriate", ""));
            } catch (NumberFormatException e) {
                continue;
            }
            if (!text.isBlank()) {
                sink.accept("skol-" + Integer.toHexString(text.hashCode()), text, score);
            }
        }
    }

    /** Directory of the Universal Dependencies Taiga v2.7 release. */
    public Path taiga() {
        return root.resolve("ud-russian-taiga/v2.7");
    }

    public Path nerel() {
        return root.resolve("nerel/NEREL-v1.1");
    }

    /**
     * News as hard negatives for the incident model: each NEREL training document (news articles) cut into
     * passages of two sentences, the length of a post. Ids {@code nerel-<file>-<n>}.
     */
    public List<LabeledText> newsPassages(String label) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(nerel().resolve("train"))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path file : files) {
            String[] sentences = Files.readString(file, StandardCharsets.UTF_8).strip()
                    .split("(?<=[.!?])\\s+|\\n\\s*\\n");
            String name = file.getFileName().toString();
            for (int i = 0; i + 1 < sentences.length; i += 2) {
                String text = (sentences[i] + " " + sentences[i + 1]).replaceAll("\\s+", " ").strip();
                if (text.length() >= 40) {
                    out.add(new LabeledText("nerel-" + name + "-" + i, text, label));
                }
            }
        }
        return out;
    }

    /**
     * Sentences of Universal Dependencies treebanks (Taiga train: fiction, social media, news; GSD; PUD) as
     * hard negatives: ordinary written Russian that asks nothing of an authority. Ids {@code ud-<file>-<n>}.
     */
    public List<LabeledText> udSentences(String label) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        for (Path file : List.of(taiga().resolve("ru_taiga-ud-train.conllu"),
                root.resolve("ud-russian-gsd/ru_gsd-ud-dev.conllu"), root.resolve("ud-russian-gsd/ru_gsd-ud-test.conllu"),
                root.resolve("ud-russian-pud/ru_pud-ud-test.conllu"))) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            int n = 0;
            for (Conllu.Sentence s : Conllu.read(file)) {
                n++;
                if (s.text().length() >= 30) {
                    out.add(new LabeledText("ud-" + file.getFileName() + "-" + n, s.text(), label));
                }
            }
        }
        return out;
    }
}
