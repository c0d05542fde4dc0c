package ru.otklik.im;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes ИМ-shaped rows as the two files a ЦУР opens beside its ИМ export: {@code .xlsx} (real date and number
 * cells) and {@code .csv} (semicolon-separated UTF-8 with a byte-order mark, as Russian Excel opens it without
 * asking; dates {@code dd.MM.yyyy HH:mm:ss} Moscow time).
 */
public enum ImExportFormat {

    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx") {
        @Override
        public void write(List<ImExportRow> rows, OutputStream out) throws IOException {
            // a streaming workbook keeps only a window of rows in memory: a year of incidents fits any heap
            try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
                SXSSFSheet sheet = book.createSheet("Инциденты");
                CellStyle header = book.createCellStyle();
                Font bold = book.createFont();
                bold.setBold(true);
                header.setFont(bold);
                CellStyle date = book.createCellStyle();
                date.setDataFormat(book.createDataFormat().getFormat("dd.mm.yyyy hh:mm:ss"));
                Row first = sheet.createRow(0);
                for (int c = 0; c < ImExportRow.COLUMNS.size(); c++) {
                    Cell cell = first.createCell(c);
                    cell.setCellValue(ImExportRow.COLUMNS.get(c).header());
                    cell.setCellStyle(header);
                }
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    Object[] cells = rows.get(r).cells();
                    for (int c = 0; c < cells.length; c++) {
                        Object value = cells[c];
                        if (value == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (value instanceof Instant instant) {
                            // Excel dates have no zone: the Moscow wall-clock time, as ИМ shows it, to the second
                            // like the CSV (a fraction would round up when read back)
                            cell.setCellValue(instant.atZone(MOSCOW).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS));
                            cell.setCellStyle(date);
                        } else if (value instanceof Number number) {
                            cell.setCellValue(number.doubleValue());
                        } else {
                            cell.setCellValue(fitCell(value.toString()));
                        }
                    }
                }
                book.write(out);
                book.dispose();
            }
        }
    },

    CSV("text/csv; charset=UTF-8", "csv") {
        @Override
        public void write(List<ImExportRow> rows, OutputStream out) throws IOException {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVFormat format = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
                    .setHeader(ImExportRow.COLUMNS.stream().map(ImColumn::header).toArray(String[]::new)).get();
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (ImExportRow row : rows) {
                    Object[] cells = row.cells();
                    for (Object value : cells) {
                        printer.print(value instanceof Instant instant ? DATE.format(instant.atZone(MOSCOW)) : value);
                    }
                    printer.println();
                }
            }
        }
    };

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final String mediaType;
    private final String extension;

    ImExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public abstract void write(List<ImExportRow> rows, OutputStream out) throws IOException;

    /** Excel's limit on a cell's text: POI refuses a longer string, and a post may hold up to 100,000 characters. */
    static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /** The text as it fits one Excel cell: a longer one is cut, and its last character «…» says so. */
    static String fitCell(String text) {
        if (text.length() <= MAX_CELL_TEXT) {
            return text;
        }
        int cut = MAX_CELL_TEXT - 1;
        // never split an emoji's surrogate pair: a lone surrogate is not a valid XML character
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }
}
