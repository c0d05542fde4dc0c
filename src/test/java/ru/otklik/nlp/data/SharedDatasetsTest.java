package ru.otklik.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

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

    @Test
    void labelsEverySkoltechRowByThePublishedThresholdWithTheIdsOfTheExtremes() throws Exception {
        assumeTrue(Files.isDirectory(ROOT.resolve("skoltech-inappropriate-sensitive")), "needs ../shared/datasets");
        SharedDatasets data = new SharedDatasets(ROOT);
        var all = data.skoltechInappropriate();
        // SOURCE.md: 8,207 rows of val.csv, 1,826 with inappropriate ≥ 0.5
        assertThat(all).hasSize(8207);
        assertThat(all).filteredOn(t -> t.label().equals("conflict")).hasSize(1826);
        // the extremes keep their ids, so both lists split every row to the same side
        Set<String> ids = all.stream().map(LabeledText::id).collect(Collectors.toSet());
        assertThat(data.skoltech()).hasSize(8207 - 497).allMatch(t -> ids.contains(t.id()));
    }

    @Test
    void trainsConflictOnNoRowOfTheSkoltechDevView() throws Exception {
        assumeTrue(Files.isRegularFile(ROOT.resolveSibling("rubricator.tsv")), "needs ../shared/datasets");
        TaskCorpus conflict = TaskCorpora.at(ROOT).build("conflict");
        var view = conflict.devViews().get(TaskCorpora.SKOLTECH_VIEW);
        // every dev-side row of val.csv, the middle band included: 1,633 rows, 356 inappropriate (≥ 0.5)
        assertThat(view).hasSize(1633).allMatch(t -> Split.isDev(t.id()));
        assertThat(view).filteredOn(t -> t.label().equals("conflict")).hasSize(356);
        Set<String> trained = conflict.split().train().stream().map(LabeledText::id).collect(Collectors.toSet());
        assertThat(view).noneMatch(t -> trained.contains(t.id()));
    }
}
