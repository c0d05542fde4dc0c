package ru.otklik.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A post may hold 100,000 characters; an Excel cell holds 32,767, and POI refuses more with an exception. */
class ImExportFormatTest {

    private static final String LONG_TEXT = "На улице Мира третий месяц не вывозят мусор. ".repeat(1_000);

    private static ImExportRow row(String text) {
        return new ImExportRow(42, ImExportRow.number(42), "Администрация", Instant.parse("2026-11-02T07:00:00Z"), null,
                "ЖКХ и благоустройство", "мусор", "Тула", "Решаемый", null, "https://vk.com/wall-1_2", text, null, null, null);
    }

    @Test
    void aPostLongerThanAnExcelCellIsCutWithAMarkAndTheWorkbookIsWritten() throws IOException {
        assertThat(LONG_TEXT.length()).isGreaterThan(ImExportFormat.MAX_CELL_TEXT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImExportFormat.XLSX.write(List.of(row(LONG_TEXT)), out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            int textColumn = ImExportRow.COLUMNS.indexOf(ImColumn.TEXT);
            String cell = book.getSheetAt(0).getRow(1).getCell(textColumn).getStringCellValue();
            assertThat(cell).hasSize(32_767).endsWith("…").startsWith("На улице Мира третий месяц");
        }
    }

    @Test
    void theCsvKeepsTheWholeText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImExportFormat.CSV.write(List.of(row(LONG_TEXT)), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(LONG_TEXT.strip());
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        // one letter first, so the cell's last place falls on the first half of a pair
        String cut = ImExportFormat.fitCell("я" + "😡".repeat(20_000));
        assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(32_767);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
        assertThat(cut.codePoints().filter(c -> c == "😡".codePointAt(0)).count() * 2 + 2).isEqualTo(cut.length());
    }

    @Test
    void aTextThatFitsIsLeftAsItIs() {
        assertThat(ImExportFormat.fitCell("уберите снег")).isEqualTo("уберите снег");
        assertThat(ImExportFormat.fitCell("я".repeat(32_767))).hasSize(32_767).doesNotContain("…");
    }
}
