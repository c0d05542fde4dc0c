package ru.otklik.im;

import java.util.EnumMap;
import java.util.Map;

/**
 * One data row of an export as read: the raw cell text of every known column present (dates of .xlsx date
 * cells come as ISO {@code yyyy-MM-ddTHH:mm:ss}).
 *
 * @param line the row's number in the file (1 = the header), for messages
 */
public record ImRow(int line, Map<ImColumn, String> cells) {

    public ImRow {
        cells = cells.isEmpty() ? Map.of() : new EnumMap<>(cells);
    }

    /** The cell's text, stripped; empty when the column is missing or blank. */
    public String get(ImColumn column) {
        String v = cells.get(column);
        return v == null ? "" : v.strip();
    }
}
