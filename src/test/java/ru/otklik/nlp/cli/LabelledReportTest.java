package ru.otklik.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.otklik.nlp.PostAnalysis;
import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.eval.IncidentEvaluation.Judged;

/** The judgements written for rule work: errors by kind, right rows on request, never a test row. */
class LabelledReportTest {

    @TempDir
    Path dir;

    private static Judged judged(String id, String split, String gold, String goldTopic, String type, String topic,
                                 String topicBy, List<String> rules) {
        LabelledPosts.Post post = new LabelledPosts.Post(id, split, "written", "", "текст " + id, gold, goldTopic);
        PostAnalysis.Explanation e = new PostAnalysis.Explanation(Map.of(), rules, List.of(), "model",
                new LabelScore("complaint", 0.95), topicBy, new LabelScore(topic, 0.6));
        PostAnalysis a = new PostAnalysis(id, "ru", new LabelScore(type == null ? "none" : "complaint", 0.95), type,
                new LabelScore(topic, 0.6), null, null, null, List.of(), null, e, Map.of());
        return new Judged(post, a);
    }

    private final List<Judged> judged = List.of(
            judged("post-1", "dev", "problem", "roads", "problem", "roads", "model", List.of()),
            judged("post-2", "dev", "problem", "housing_utilities", "problem", "roads", "rule", List.of("roads-potholes")),
            judged("post-3", "dev", "none", "", "problem", "ecology", "model", List.of()),
            judged("post-4", "test", "problem", "roads", "problem", "ecology", "model", List.of()));

    private List<String> write(boolean all) throws Exception {
        Path file = dir.resolve(all ? "all.tsv" : "misses.tsv");
        LabelledReport.writeJudgements(judged, file, all, new PrintStream(new ByteArrayOutputStream()));
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void missesAreTheDevErrorsOnlyWithWhoDecidedTheTopic() throws Exception {
        List<String> lines = write(false);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("kind\tid\tgold\tgold_topic\tdecided\ttopic\ttopic_by\t");
        assertThat(lines.get(1)).startsWith("topic\tpost-2\tproblem\thousing_utilities\tproblem\troads\trule\t")
                .contains("\troads-potholes\t");
        assertThat(lines.get(2)).startsWith("false-alarm\tpost-3\t");
        assertThat(String.join("\n", lines)).doesNotContain("post-4");
    }

    @Test
    void allAddsTheRightRowsSoThatARulesPrecisionCanBeCounted() throws Exception {
        List<String> lines = write(true);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("ok\tpost-1\tproblem\troads\tproblem\troads\tmodel\t");
        assertThat(String.join("\n", lines)).doesNotContain("post-4");
    }

    @Test
    void theReportNamesTheDirectoryItReadSoThatAnUnseenWritersSetIsNotTakenForTheTrainingSet() throws Exception {
        Path unseen = Files.createDirectories(dir.resolve("unseen"));
        Files.write(unseen.resolve("posts.tsv"),
                Files.readAllLines(Path.of("labelled/unseen/written-posts-y.tsv")).subList(0, 41));
        List<String> md = new LabelledReport(new PrintStream(new ByteArrayOutputStream()))
                .run(Path.of("nlp-models"), unseen, Optional.empty(), Optional.empty());
        String shown = unseen.toString().replace('\\', '/') + "/";
        assertThat(md.get(0)).isEqualTo("## Incidents on the hand-labelled social-media set (`" + shown + "`)");
        assertThat(md.get(2)).contains("on 40 texts of `" + shown + "*.tsv`");
        assertThat(md).anyMatch(l -> l.startsWith("| test | written |"));
    }
}
