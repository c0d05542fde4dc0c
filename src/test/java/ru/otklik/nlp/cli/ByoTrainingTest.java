package ru.otklik.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.otklik.nlp.ModelsDir;
import ru.otklik.nlp.NlpModels;
import ru.otklik.nlp.PostAnalysis;
import ru.otklik.nlp.SharedAnalyzer;
import ru.otklik.nlp.TextAnalyzer;
import ru.otklik.nlp.categorize.CategorizerStore;

/** A region trains its own topic model from a small CSV and analyses with it (fixture: byo-appeals.csv). */
class ByoTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void trainsOnOwnCsvAndAnalyzeUsesIt() throws Exception {
        Path input = Path.of("src/test/resources/nlp/byo-appeals.csv");
        Path out = tmp.resolve("models");
        int rc = NlpCli.run(new String[] {"train", "--task", "topic", "--input", input.toString(),
                "--text-field", "Обращение", "--label-field", "Рубрика", "--out", out.toString()});
        assertThat(rc).isZero();
        assertThat(CategorizerStore.exists(out.resolve("topic"))).isTrue();
        assertThat(Files.readString(out.resolve("topic/meta.json"))).contains("byo-appeals.csv", "\"version\" : \"topic-");

        TextAnalyzer analyzer = TextAnalyzer.load(Path.of("nlp-models"), Optional.of(out));
        PostAnalysis a = analyzer.analyze("1", "Во дворе на Кирова мусор не вывозят уже две недели");
        assertThat(a.topic().label()).isEqualTo("мусор");
        // the region's own topic model answers alone: the shipped in-domain topic model is not blended into it
        assertThat(a.modelVersions()).doesNotContainKey(NlpModels.TOPIC_INFORMAL);
        assertThat(SharedAnalyzer.get().models().versions()).containsKey(NlpModels.TOPIC_INFORMAL);
        assertThat(a.modelVersions().get("topic")).startsWith("topic-").isNotEqualTo(
                SharedAnalyzer.get().models().versions().get("topic"));
    }

    @Test
    void trainsFromJsonl() throws Exception {
        Path input = AgencyHistory.write(tmp.resolve("history.jsonl"), 20);
        int rc = NlpCli.run(new String[] {"train", "--task", "agency", "--input", input.toString(),
                "--text-field", "body", "--label-field", "who", "--out", tmp.resolve("m").toString()});
        assertThat(rc).isZero();
        assertThat(new CategorizerStore().load(tmp.resolve("m/agency")).labels())
                .containsExactlyInAnyOrder(AgencyHistory.AGENCIES);

        // Its own agency model and no routing table of its own: even unsure (a text unlike its history), the
        // model decides rather than the shipped Tula table's fallback row.
        PostAnalysis a = TextAnalyzer.load(Path.of("nlp-models"), Optional.of(tmp.resolve("m")))
                .analyze("1", "Хорошего дня всем!");
        assertThat(a.agency().score()).isLessThan(0.5);
        assertThat(a.agency().decidedBy()).isEqualTo("model");
        assertThat(a.agency().name()).isIn((Object[]) AgencyHistory.AGENCIES);
    }

    @Test
    void aBrokenHistoryLineIsNamedByFileAndLine() throws IOException {
        Path input = Files.writeString(tmp.resolve("history.jsonl"),
                "{\"body\": \"Нет света\", \"who\": \"УК\"}\n{\"body\": \"Нет воды, \"who\": \"УК\"}\n");
        assertThatThrownBy(() -> UserDataReader.read(input, "body", "who"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("history.jsonl line 2 is not JSON");
        assertThat(NlpCli.run(new String[] {"train", "--task", "agency", "--input", input.toString(),
                "--text-field", "body", "--label-field", "who", "--out", tmp.resolve("m").toString()})).isEqualTo(1);
    }

    @Test
    void onlyManifestRewritesTheManifestWithoutAnyDataset() throws IOException {
        Path topic = Files.createDirectories(tmp.resolve("models/topic"));
        Files.copy(ModelsDir.resolve().resolve("topic/meta.json"), topic.resolve("meta.json"));

        int rc = NlpCli.run(new String[] {"train", "--all", "--only", "manifest", "--data", tmp.resolve("none").toString(),
                "--out", tmp.resolve("models").toString()});

        assertThat(rc).isZero();
        assertThat(Files.readString(tmp.resolve("models/MANIFEST.md"))).contains("## topic", "meta.json");
    }

    @Test
    void badArgumentsExitWithUsage() {
        assertThat(NlpCli.run(new String[] {"train", "--task", "weather", "--input", "x", "--text-field", "a",
                "--label-field", "b", "--out", "o"})).isEqualTo(2);
        assertThat(NlpCli.run(new String[] {"frobnicate"})).isEqualTo(2);
        assertThat(NlpCli.run(new String[] {"train", "--all", "--only", "topic,weather", "--out", "o"})).isEqualTo(2);
        // the weight tuning's L2 is checked before any corpus is read or model trained
        // (an existing but empty --data, so that only the L2 check can make it a usage error)
        assertThat(NlpCli.run(new String[] {"train", "--tune-weights", "3", "--l2", "abc", "--data", tmp.toString(),
                "--out", tmp.resolve("tune").toString()})).isEqualTo(2);
        assertThat(NlpCli.run(new String[] {"train", "--tune-weights", "3", "--l2", "-0.1", "--data", tmp.toString(),
                "--out", tmp.resolve("tune").toString()})).isEqualTo(2);
        assertThat(LabelledWeightTuning.l2(CliArgs.parse(new String[] {"train", "--l2", "0.006"}))).contains(0.006);
    }

    @Test
    void aRegionsIncidentTypesCanBeTrainedWithTheLabelledSetsDevRowsOnly() throws Exception {
        Path input = tmp.resolve("types.csv");
        Files.writeString(input, "text,type\nкогда уберут снег во дворе на Мира?,problem\n"
                + "будет ли автобус до Рассвета?,question\n");
        Path labelled = tmp.resolve("labelled");
        Files.createDirectories(labelled);
        // post-1 and post-2 are on the dev side by their ids, post-3 on the test side.
        Files.writeString(labelled.resolve("a.tsv"), "id\tsplit\tsource\tref\ttext\tincident\ttopic\n"
                + "post-1\tdev\twritten\t\tфонари во дворе не горят\tproblem\thousing_utilities\n"
                + "post-2\tdev\twritten\t\tподскажите, когда дадут горячую воду?\tquestion\thousing_utilities\n"
                + "post-3\ttest\twritten\t\tяма на Ленина\tproblem\troads\n");
        int rc = NlpCli.run(new String[] {"train", "--task", "incident_type", "--input", input.toString(),
                "--text-field", "text", "--label-field", "type", "--labelled", labelled.toString(),
                "--labelled-weight", "2", "--out", tmp.resolve("m").toString()});
        assertThat(rc).isZero();
        // 2 rows of the region + 2 dev rows × 2; the test row never.
        assertThat(new CategorizerStore().load(tmp.resolve("m/incident_type")).meta().trainDocs()).isEqualTo(6);

        Files.writeString(labelled.resolve("a.tsv"), "id\tsplit\tsource\tref\ttext\tincident\ttopic\n"
                + "post-3\tdev\twritten\t\tяма на Ленина\tproblem\troads\n");
        assertThat(NlpCli.run(new String[] {"train", "--task", "incident_type", "--input", input.toString(),
                "--text-field", "text", "--label-field", "type", "--labelled", labelled.toString(),
                "--out", tmp.resolve("m2").toString()})).isEqualTo(2);
        assertThat(CategorizerStore.exists(tmp.resolve("m2/incident_type"))).isFalse();
    }
}
