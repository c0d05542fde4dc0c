package ru.otklik.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading crossval's {@code --out} rows back (the fixture is 1,284 real out-of-fold rows): a damaged row is refused
 * with the file, its line and what was wrong — the CLI prints that one line instead of a stack trace.
 */
class OutOfFoldRowsTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheFixturesRowsAndRefusesDamagedOnesByLine() throws IOException {
        List<String> lines = Files.readAllLines(StackFitTest.FIXTURE);
        assertThat(OutOfFoldRows.read(StackFitTest.FIXTURE, null)).hasSize(lines.size() - 1);

        String[] row = lines.get(1).split("\t", -1);
        assertRefused(lines, row, 5, "none high", "line 2: an answer's score is a number, got «none high»");
        assertRefused(lines, row, 6, "complaint", "line 2: an answer is «label score», got «complaint»");
        assertRefused(lines, row, 8, "thanks", "line 2: a rule match is «id:label», got «thanks»");
    }

    private void assertRefused(List<String> lines, String[] row, int column, String value, String message)
            throws IOException {
        String[] damaged = row.clone();
        damaged[column] = value;
        Path file = tmp.resolve("rows.tsv");
        Files.write(file, List.of(lines.get(0), String.join("\t", damaged)));
        assertThatThrownBy(() -> OutOfFoldRows.read(file, null)).isInstanceOf(IOException.class)
                .hasMessageContaining(message);
    }
}
