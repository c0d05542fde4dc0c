package ru.otklik.nlp.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * The dev rows of the hand-labelled social-media set ({@code labelled/}) as training examples for the
 * complaint, topic and incident-type models (docs/nlp.md, "Training on the labelled set").
 *
 * <p>A test row never gets in: a row is used only when its {@code split} column says {@code dev} <em>and</em>
 * its id puts it on the dev side (CRC32(id) mod 10 ≥ 4, the rule the files were split by before labelling).
 * A row whose column disagrees with its id is an error in the file, not a row to guess about.
 *
 * <p>In-domain rows are few next to tens of thousands of appeals and tweets, so each is repeated
 * {@code weight} times (ids {@code <id>#w<k>}). A held-out fold ({@link #withoutFold}) leaves some dev rows out
 * of training so that the weight and the threshold can be chosen on rows the model has not seen.
 */
public final class LabelledTraining {

    /** The weight the shipped models use, chosen on a held-out fold of dev (docs/nlp.md). */
    public static final int DEFAULT_WEIGHT = 10;

    private final List<LabelledPosts.Post> dev;
    private final int weight;
    /** The tweet ids of every RuSentiTweet row read, test rows too: no other corpus tweet may be one of them. */
    private final Set<String> tweetRefs;

    LabelledTraining(List<LabelledPosts.Post> posts, int weight) {
        this(posts, weight, posts.stream().filter(p -> "rusentitweet".equals(p.source())).map(LabelledPosts.Post::ref)
                .collect(Collectors.toUnmodifiableSet()));
    }

    private LabelledTraining(List<LabelledPosts.Post> posts, int weight, Set<String> tweetRefs) {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be ≥ 1, got " + weight);
        }
        List<LabelledPosts.Post> rows = new ArrayList<>();
        for (LabelledPosts.Post p : posts) {
            boolean idSaysTest = isTestId(p.id());
            if (idSaysTest != p.test() || !(p.test() || "dev".equals(p.split()))) {
                throw new IllegalArgumentException("labelled row " + p.id() + " has split '" + p.split()
                        + "' but its id puts it on the " + (idSaysTest ? "test" : "dev") + " side");
            }
            if (!idSaysTest) {
                rows.add(p);
            }
        }
        this.dev = List.copyOf(rows);
        this.weight = weight;
        this.tweetRefs = tweetRefs;
    }

    /** The dev rows of every {@code *.tsv} in {@code dir}; texts of the shared corpora resolved from datasets. */
    public static LabelledTraining read(Path dir, Optional<Path> datasets, int weight) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("labelled set not found at " + dir.toAbsolutePath());
        }
        return of(new LabelledPosts(datasets).read(dir).posts(), weight);
    }

    /** @throws IllegalArgumentException when a row's split column disagrees with its id */
    public static LabelledTraining of(List<LabelledPosts.Post> posts, int weight) {
        return new LabelledTraining(posts, weight);
    }

    /** Test when CRC32(id) mod 10 < 4: the split every labelled file was made with (labelled/README.md). */
    public static boolean isTestId(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 10 < 4;
    }

    /** The held-out fold of a dev row among {@code folds}: CRC32 of {@code <id>#fold}, independent of the split. */
    public static int fold(String id, int folds) {
        return Split.fold(id + "#fold", folds);
    }

    /** The rows of {@code fold} (of {@code folds}) only: the rows a model trained {@link #withoutFold} has not seen. */
    public LabelledTraining onlyFold(int fold, int folds) {
        return new LabelledTraining(dev.stream().filter(p -> fold(p.id(), folds) == fold).toList(), weight, tweetRefs);
    }

    /** The same rows without those of {@code fold} (of {@code folds}), for choosing weights on unseen rows. */
    public LabelledTraining withoutFold(int fold, int folds) {
        return new LabelledTraining(dev.stream().filter(p -> fold(p.id(), folds) != fold).toList(), weight, tweetRefs);
    }

    public LabelledTraining withWeight(int newWeight) {
        return new LabelledTraining(dev, newWeight, tweetRefs);
    }

    /** The dev rows used (never a test row). */
    public List<LabelledPosts.Post> rows() {
        return dev;
    }

    public int weight() {
        return weight;
    }

    /** Incident → {@code complaint}, none → {@code none}, each repeated {@link #weight()} times. */
    public List<LabeledText> complaint() {
        return weighted(dev, p -> p.isIncident() ? "complaint" : "none");
    }

    /** Every row under its own label: {@code problem}, {@code question} or {@code none}. */
    public List<LabeledText> byIncidentType() {
        return weighted(dev, LabelledPosts.Post::incident);
    }

    /** Incidents with a topic, under their topic. */
    public List<LabeledText> topic() {
        return weighted(dev.stream().filter(p -> p.isIncident() && !p.topic().isEmpty()).toList(),
                LabelledPosts.Post::topic);
    }

    /** Incidents under their type: {@code problem} or {@code question}. */
    public List<LabeledText> incidentType() {
        return weighted(dev.stream().filter(LabelledPosts.Post::isIncident).toList(), LabelledPosts.Post::incident);
    }

    /** The rows of one task: complaint, incident (the in-domain model), topic or incident_type. */
    public List<LabeledText> forTask(String task) {
        return switch (task) {
            case "complaint" -> complaint();
            case TaskCorpora.INCIDENT -> IncidentRecipe.BY_TYPE ? byIncidentType() : complaint();
            case "topic", TaskCorpora.TOPIC_INFORMAL -> topic();
            case "incident_type" -> incidentType();
            default -> throw new IllegalArgumentException("the labelled set trains complaint, incident, topic, topic_informal and incident_type, not "
                    + task);
        };
    }

    /** Every text trained on, so that dev views can leave out what the model has seen. */
    public Set<String> texts() {
        return dev.stream().map(LabelledPosts.Post::text).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The RuSentiTweet ids of the labelled set's tweets, <em>test rows included</em> (the only thing kept of them):
     * the real tweets beside the set ({@link RealTweets}) leave them all out.
     */
    public Set<String> tweetRefs() {
        return tweetRefs;
    }

    /** The {@code ref}s of written rows ({@code kursk:<id>}), i.e. the appeals whose paraphrase is trained on. */
    public Set<String> kurskRefs() {
        return dev.stream().map(LabelledPosts.Post::ref).filter(r -> r.startsWith("kursk:"))
                .map(r -> r.substring("kursk:".length())).collect(Collectors.toUnmodifiableSet());
    }

    private List<LabeledText> weighted(List<LabelledPosts.Post> posts, Function<LabelledPosts.Post, String> label) {
        List<LabeledText> out = new ArrayList<>(posts.size() * weight);
        for (LabelledPosts.Post p : posts) {
            for (int k = 0; k < weight; k++) {
                out.add(new LabeledText(p.id() + "#w" + k, p.text(), label.apply(p)));
            }
        }
        return out;
    }
}
