package ru.otklik.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation report carries the committed cross-validation under its own heading. */
class EvaluateCommandTest {

    @TempDir
    Path models;

    @Test
    void theCommittedCrossValidationJoinsTheReportOneHeadingLevelDown() throws Exception {
        assertThat(EvaluateCommand.crossValidation(models)).isEmpty();

        Files.writeString(models.resolve("CROSSVAL.md"), "## agency: 5-fold cross-validation\n\n| fold | rows |\n");
        assertThat(EvaluateCommand.crossValidation(models)).containsSubsequence(
                "## Cross-validation (`CROSSVAL.md`, made by `crossval`; see docs/nlp.md)",
                "### agency: 5-fold cross-validation", "| fold | rows |");
    }

    @Test
    void theShippedReportHasIt() throws Exception {
        assertThat(EvaluateCommand.crossValidation(Path.of("nlp-models")))
                .anyMatch(line -> line.startsWith("### agency: 5-fold cross-validation"));
        assertThat(Files.readString(Path.of("nlp-models/REPORT.md"))).contains("## Cross-validation");
    }
}
