package ru.otklik.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.otklik.nlp.data.LabelledTraining;
import ru.otklik.nlp.train.ShippedModelBuilder;

/**
 * The incident decision cross-validated over a labelled set's dev rows: the first 240 written posts of the
 * committed set (their text is in the file, so no shared datasets are needed) and the shipped models.
 */
class IncidentCrossvalTest {

    @TempDir
    Path tmp;

    @Test
    void everyDevRowIsPredictedOutOfFoldAndNoTestRowIsRead() throws Exception {
        Path labelled = Files.createDirectories(tmp.resolve("labelled"));
        List<String> lines = Files.readAllLines(Path.of("labelled/written-posts.tsv"));
        Files.write(labelled.resolve("posts.tsv"), lines.subList(0, 241));
        long devRows = lines.subList(1, 241).stream().filter(l -> !LabelledTraining.isTestId(l.split("\t")[0])).count();
        Path rows = tmp.resolve("rows.tsv");

        String report = CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--labelled", labelled.toString(), "--models", "nlp-models", "--folds", "3", "--extras", "0", "--appeals", "false",
                "--max-false-alarms", "0.1", "--max-tweet-alarms", "1", "--nb", "on,off", "--out", rows.toString());

        assertThat(report).contains("## incident decision: 3-fold cross-validation over the labelled dev rows ("
                        + devRows + ")", "| complaint model alone, rules as before | 1.00 | 0.00 |",
                "| **extras 0, weight 1, L2 " + ShippedModelBuilder.INCIDENT_L2 + ", NB ratios: best blend** |",
                "| **extras 0, weight 1, L2 " + ShippedModelBuilder.INCIDENT_L2 + ": best blend** |", "Thresholds of the best blend",
                "| rule | incidents | none | precision |");
        // the NB setting's rows first (--nb on,off), then the plain one's: both cover every dev row
        List<String> all = Files.readAllLines(rows);
        assertThat(all).hasSize(2 * (int) devRows + 1);
        assertThat(all.get(1)).contains("NB ratios");
        assertThat(all.get(all.size() - 1)).doesNotContain("NB ratios");
        List<String> out = all.subList(1, (int) devRows + 1);
        Set<String> ids = new HashSet<>();
        for (String line : out) {
            String[] f = line.split("\t", -1);
            assertThat(LabelledTraining.isTestId(f[1])).as(f[1]).isFalse();
            assertThat(ids.add(f[1])).isTrue();
            assertThat(f[6]).as("the incident model's out-of-fold answer").matches("(complaint|none) [01]\\.\\d+");
        }
        assertThat(ids).hasSize((int) devRows);
    }

    @Test
    void badSettingsAreAClearError() {
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--folds", "1"))
                .isInstanceOf(CliArgs.UsageException.class).hasMessage("--folds must be ≥ 2 and --labelled-weight ≥ 1");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--labelled", tmp.resolve("nowhere").toString()))
                .hasMessageStartingWith("labelled set not found at ");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--min-kursk-appeals", "x"))
                .isInstanceOf(CliArgs.UsageException.class)
                .hasMessage("--min-kursk-appeals must be a share from 0 to 1, not x");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--max-false-alarms", "2"))
                .hasMessage("--max-false-alarms must be a share from 0 to 1, not 2");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--l2", "0.01,abc"))
                .isInstanceOf(CliArgs.UsageException.class).hasMessage("--l2: not a valid value: abc");
        assertThatThrownBy(() -> CrossvalCommandTest.run("crossval", "--task", "incident", "--data", tmp.toString(),
                "--nb", "on,maybe"))
                .isInstanceOf(CliArgs.UsageException.class).hasMessage("--nb: not a valid value: maybe");
    }
}
