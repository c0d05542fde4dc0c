package ru.otklik.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.otklik.nlp.data.Split;

/** A region cross-validates agency routing on its own history and compares it with another system's guesses. */
class CrossvalCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Path history;

    @BeforeEach
    void history() throws Exception {
        history = AgencyHistory.write(tmp.resolve("history.jsonl"), 15);
    }

    @Test
    void predictsEveryRowOnceFromTheOtherFoldsAndComparesPaired() throws Exception {
        // the other system sends everything to the management company: right on a quarter of the rows
        Path other = tmp.resolve("other.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int n = 1; n <= 60; n++) {
            sb.append("{\"id\": \"line-").append(n).append("\", \"predicted\": \"УК\"}\n");
        }
        Files.writeString(other, sb);
        Path predictions = tmp.resolve("predictions.jsonl");

        String report = run("crossval", "--task", "agency", "--input", history.toString(), "--text-field", "body",
                "--label-field", "who", "--folds", "3", "--out", predictions.toString(), "--compare", other.toString());

        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(60);
        Set<String> ids = new HashSet<>();
        int correct = 0;
        for (String line : lines) {
            JsonNode p = JSON.readTree(line);
            assertThat(ids.add(p.get("id").asText())).isTrue();
            assertThat(p.get("fold").asInt()).isEqualTo(Split.fold(p.get("id").asText(), 3));
            correct += p.get("gold").equals(p.get("predicted")) ? 1 : 0;
        }
        assertThat(correct).as("four topics in distinct words: learnable from two thirds").isGreaterThanOrEqualTo(57);
        assertThat(report).contains("## agency: 3-fold cross-validation on history.jsonl, 60 rows",
                "| 0 |", "| 1 |", "| 2 |", "| **all** | 60 |", "| 60 | ", " | 0.250 | +0.7");

        // the same comparison again from the saved predictions, without training
        String again = run("crossval", "--task", "agency", "--from", predictions.toString(), "--compare", other.toString());
        assertThat(again).startsWith("## agency: 3-fold cross-validation on the predictions in predictions.jsonl, 60 rows")
                .contains("by `java -jar target/quarkus-app/quarkus-run.jar crossval --task agency --from ")
                .endsWith(report.substring(report.indexOf("| fold |")));
    }

    @Test
    void aComparisonFileWithoutSomeRowsIsAClearError() throws Exception {
        Path other = tmp.resolve("partial.jsonl");
        Files.writeString(other, "{\"id\": \"line-1\", \"predicted\": \"УК\"}\n");
        assertThatThrownBy(() -> run("crossval", "--task", "agency", "--input", history.toString(),
                "--text-field", "body", "--label-field", "who", "--folds", "3", "--compare", other.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("partial.jsonl has no prediction for id line-\\d+");
        Files.writeString(other, "{\"id\": \"line-1\", \"predicted\": \"УК\"}\n\n{\"id\": \"line-2\", \"predicted\n");
        assertThatThrownBy(() -> run("crossval", "--task", "agency", "--from", other.toString()))
                .hasMessage("partial.jsonl line 3 is not JSON");
        Files.writeString(other, "{\"id\": \"line-1\", \"predicted\": \"УК\"}\n");
        assertThatThrownBy(() -> run("crossval", "--task", "agency", "--from", other.toString()))
                .hasMessage("partial.jsonl line 1 needs \"fold\"");
        assertThat(NlpCli.run(new String[] {"crossval", "--task", "routing"})).isEqualTo(2);
        assertThatThrownBy(() -> run("crossval", "--task", "agency", "--data", tmp.resolve("no-datasets").toString()))
                .isInstanceOf(CliArgs.UsageException.class).hasMessageStartingWith("datasets not found at ");
        assertThatThrownBy(() -> run("crossval", "--task", "agency", "--input", history.toString(), "--text-field",
                "body", "--label-field", "who", "--folds", "пять"))
                .hasMessage("--folds takes a whole number, got пять");
        assertThatThrownBy(() -> run("crossval", "--task", "agency", "--input", history.toString(), "--text-field",
                "body", "--label-field", "who", "--folds", "1"))
                .hasMessage("--folds must be at least 2, got 1");
    }

    /** Runs {@code crossval} and returns its stdout; a non-zero exit fails the test. */
    static String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int rc = new CrossvalCommand(out, err).run(CliArgs.parse(args));
        assertThat(rc).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
