package ru.otklik.im;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads an «Инцидент Менеджмент» export, .xlsx or .csv, row by row without holding the file in memory. The
 * header row decides which columns are there; only «Текст инцидента» is required.
 */
public interface ImExportReader {

    /**
     * Calls {@code header} once with the known columns found, then {@code rows} for every non-empty data row.
     *
     * @throws ImExportException when the file cannot be read as an export or has no text column
     */
    void read(Path file, Consumer<Set<ImColumn>> header, Consumer<ImRow> rows) throws IOException;

    /** The reader for a file: .xlsx by its name or zip signature, CSV otherwise. */
    static ImExportReader forFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || XlsxExportReader.looksLikeZip(file)) {
            return new XlsxExportReader();
        }
        return new CsvExportReader();
    }

    /** The header has no «Текст инцидента». */
    static ImExportException noTextColumn(Path file) {
        return new ImExportException(file.getFileName() + " has no column «" + ImColumn.TEXT.header()
                + "»: is it an «Инцидент Менеджмент» export?");
    }
}
