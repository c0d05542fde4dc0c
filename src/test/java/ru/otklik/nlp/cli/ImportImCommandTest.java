package ru.otklik.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.otklik.im.ImExportFixture;
import ru.otklik.nlp.categorize.CategorizerStore;

/**
 * {@code import-im} end to end on an export-shaped .xlsx built in the test: from the Kursk appeals of
 * ../shared/datasets when present (else the committed invented incidents), with missing and malformed rows;
 * then {@code analyze --models} on what it wrote.
 */
class ImportImCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int importIm(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "import-im";
        System.arraycopy(args, 0, all, 1, args.length);
        return new ImportImCommand(err).run(CliArgs.parse(all));
    }

    @Test
    void trainsEveryTaskReportsAndWritesTheMapThenAnalyzeUsesTheModels() throws Exception {
        ImExportFixture fixture = ImExportFixture.build(200);
        Path xlsx = fixture.writeXlsx(tmp.resolve("export.xlsx"), Set.of());
        Path out = tmp.resolve("my-models");

        assertThat(importIm("--input", xlsx.toString(), "--out", out.toString(), "--folds", "3")).isZero();

        for (String task : List.of("topic", "agency", "incident_type", "reply")) {
            assertThat(CategorizerStore.exists(out.resolve(task))).as(task).isTrue();
        }
        assertThat(new CategorizerStore().load(out.resolve("incident_type")).labels())
                .containsExactlyInAnyOrder("problem", "question");
        assertThat(new CategorizerStore().load(out.resolve("reply")).labels())
                .containsExactlyInAnyOrder("official", "resident");
        assertThat(new CategorizerStore().load(out.resolve("topic")).labels()).contains("roads", "housing_utilities")
                .doesNotContain("none");
        String report = Files.readString(out.resolve(ImportImCommand.REPORT));
        int good = fixture.size() - ImExportFixture.BAD_ROWS;
        assertThat(report).contains("incidents read: " + good + "; bad rows left out: " + ImExportFixture.BAD_ROWS,
                "no «Текст инцидента»: 2", "unreadable «Дата создания»: 1", "## topic", "## agency",
                "## incident_type", "## reply", "### 3-fold cross-validation", "| **all** |");
        assertThat(Files.readString(out.resolve("reply/meta.json"))).contains("cv.macroF1");
        List<String> map = Files.readAllLines(out.resolve(ImportImCommand.MAP));
        assertThat(map).anyMatch(l -> l.startsWith("Дороги\troads\t"))
                .anyMatch(l -> l.startsWith("ЖКХ\thousing_utilities\t"))
                .anyMatch(l -> l.startsWith("Общественный транспорт\ttransport\t"))
                .anyMatch(l -> l.startsWith("Обращение с отходами\tecology\t"));
        if (!Files.isRegularFile(ImExportFixture.KURSK)) {
            assertThat(map).anyMatch(l -> l.startsWith("Благоустройство\thousing_utilities\t"))
                    .anyMatch(l -> l.startsWith("Прочее\tnone\t") && l.endsWith("CHECK: unmatched"));
        }

        // analyze --models picks up what import-im wrote
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        String line = "{\"id\":\"1\",\"text\":\"На улице Советской яма на дороге, асфальт разбит, машины бьют колёса\"}\n";
        int rc = new AnalyzeCommand(new PrintStream(stdout, true, StandardCharsets.UTF_8), err)
                .run(CliArgs.parse(new String[] {"analyze", "--models", out.toString(), "--threads", "1"}),
                        new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        assertThat(rc).isZero();
        // the analysis' own rate, which the service benchmark reads as its `analyze` limit
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .containsPattern("analysed 1 lines in \\d+\\.\\d{3} s on 1 threads: \\d+\\.\\d lines/s");
        JsonNode a = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
        assertThat(a.path("modelVersions").path("topic").asText())
                .isEqualTo(new CategorizerStore().loadMeta(out.resolve("topic")).version());
        assertThat(a.path("modelVersions").path("agency").asText())
                .isEqualTo(new CategorizerStore().loadMeta(out.resolve("agency")).version());
        // the region's incident-type model is loaded beside the shipped ones
        assertThat(a.path("modelVersions").path("incident_type").asText())
                .isEqualTo(new CategorizerStore().loadMeta(out.resolve("incident_type")).version());
    }

    @Test
    void theOperatorsMapDecidesTheTopicsAndAMissingColumnSkipsItsTask() throws Exception {
        ImExportFixture fixture = ImExportFixture.invented(3);
        Path xlsx = fixture.writeXlsx(tmp.resolve("export.xlsx"),
                Set.of("Исполнитель", "Тип инцидента", "Общий текст первого ответа", "1ый ответ ПИ"));
        Path map = Files.writeString(tmp.resolve("map.tsv"), "# mine\nПрочее\tpublic_services\nБлагоустройство\tconstruction\n");
        Path out = tmp.resolve("m");

        assertThat(importIm("--input", xlsx.toString(), "--out", out.toString(), "--map", map.toString(),
                "--folds", "2")).isZero();

        assertThat(new CategorizerStore().load(out.resolve("topic")).labels()).contains("public_services", "construction");
        assertThat(Files.readAllLines(out.resolve(ImportImCommand.MAP)))
                .contains("Прочее\tpublic_services\t3\toperator", "Благоустройство\tconstruction\t9\toperator");
        for (String task : List.of("agency", "incident_type", "reply")) {
            assertThat(CategorizerStore.exists(out.resolve(task))).as(task).isFalse();
        }
        assertThat(Files.readString(out.resolve(ImportImCommand.REPORT)))
                .contains("**Skipped:** the export has no «Исполнитель» column",
                        "**Skipped:** the export has no «Тип инцидента» column",
                        "**Skipped:** the export has no answer columns");
    }

    @Test
    void aCsvExportReadsLikeTheXlsx() throws Exception {
        ImExportFixture fixture = ImExportFixture.invented(3);
        Path csv = fixture.writeCsv(tmp.resolve("export.csv"));
        Path out = tmp.resolve("m");

        assertThat(importIm("--input", csv.toString(), "--out", out.toString(), "--folds", "2")).isZero();

        String report = Files.readString(out.resolve(ImportImCommand.REPORT));
        assertThat(report).contains("incidents read: " + (fixture.size() - ImExportFixture.BAD_ROWS)
                + "; bad rows left out: " + ImExportFixture.BAD_ROWS);
        assertThat(CategorizerStore.exists(out.resolve("reply"))).isTrue();
    }

    @Test
    void aMissingTextColumnIsOneClearLineAndExitCode2() throws Exception {
        Path xlsx = ImExportFixture.invented(1).writeXlsx(tmp.resolve("no-text.xlsx"), Set.of("Текст инцидента"));

        assertThat(importIm("--input", xlsx.toString(), "--out", tmp.resolve("m").toString())).isEqualTo(2);

        assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEqualTo("error: no-text.xlsx has no column "
                + "«Текст инцидента»: is it an «Инцидент Менеджмент» export?" + System.lineSeparator());
        assertThat(tmp.resolve("m")).doesNotExist();
    }

    @Test
    void anUnreadableFileIsOneClearLineAndExitCode2() throws Exception {
        Path broken = Files.write(tmp.resolve("broken.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Path latin1 = Files.write(tmp.resolve("export.csv"),
                "Текст инцидента;ID\nНет воды;1\n".getBytes(java.nio.charset.Charset.forName("windows-1251")));

        for (Path file : List.of(broken, latin1, tmp.resolve("absent.xlsx"))) {
            errBytes.reset();
            assertThat(importIm("--input", file.toString(), "--out", tmp.resolve("m").toString())).as(file.toString())
                    .isEqualTo(2);
            String message = errBytes.toString(StandardCharsets.UTF_8);
            assertThat(message).as(file.toString()).startsWith("error: ").contains(file.getFileName().toString())
                    .endsWith(System.lineSeparator());
            assertThat(message.lines().count()).as(message).isEqualTo(1);
        }
    }
}
