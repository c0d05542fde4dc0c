package ru.otklik.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Needs {@code ../shared/datasets} (the read-only reference data beside the project); skipped without it. */
class SharedDatasetsTest {

    /** {@code -Dotklik.shared=DIR} points elsewhere than {@code ../shared}. */
    private static final Path ROOT = Path.of(System.getProperty("otklik.shared", "../shared"), "datasets");

    @Test
    void readsTheKurskExportWithItsHtmlAndLineBreaks() throws Exception {
        assumeTrue(Files.isDirectory(ROOT.resolve("kursk-citizen-appeals")), "needs ../shared/datasets");
        var rows = new SharedDatasets(ROOT).kursk("Категория");
        assertThat(rows).hasSize(2000);
        assertThat(rows).allMatch(r -> r.label().matches("\\d+"));
    }

    @Test
    void mapsKurskCategoriesOntoTheRubric() throws Exception {
        assumeTrue(Files.isRegularFile(ROOT.resolveSibling("rubricator.tsv")), "needs ../shared/rubricator.tsv");
        Rubricator r = Rubricator.load(ROOT.resolveSibling("rubricator.tsv"));
        assertThat(r.codes()).hasSize(16);
        assertThat(r.byKurskCategory()).containsEntry("0", "roads").containsEntry("3", "housing_utilities");
        assertThat(r.bySpbCategory()).containsEntry("Кровля", "housing_utilities");
    }
}
