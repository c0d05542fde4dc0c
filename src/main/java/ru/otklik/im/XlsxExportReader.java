package ru.otklik.im;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx export, read with POI's SAX event API: rows stream past and only the shared
 * strings table stays in memory, so a 100,000-row export does not need the whole workbook as objects. Date
 * cells come out as ISO local date-times whatever their display format.
 */
final class XlsxExportReader implements ImExportReader {

    static boolean looksLikeZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        }
    }

    @Override
    public void read(Path file, Consumer<Set<ImColumn>> header, Consumer<ImRow> rows) throws IOException {
        if (!Files.isReadable(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImExportException(file.getFileName() + " has no sheet");
            }
            Rows handler = new Rows(file, header, rows);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
            if (!handler.headerSeen) {
                throw new ImExportException(file.getFileName() + " is empty");
            }
        } catch (ImExportException | IOException e) {
            throw e;
        } catch (Exception e) {
            throw new ImExportException("cannot read " + file.getFileName() + " as .xlsx: " + e.getMessage(), e);
        }
    }

    /** Formats date cells as ISO date-times, other numbers as POI would show them. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904, true);
                return t.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    /** The first non-empty row is the header; the rest are data. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Path file;
        private final Consumer<Set<ImColumn>> header;
        private final Consumer<ImRow> rows;
        private final Map<Integer, ImColumn> columns = new HashMap<>();
        private final Map<ImColumn, String> cells = new EnumMap<>(ImColumn.class);
        private final Map<Integer, String> headerCells = new HashMap<>();
        private boolean headerSeen;

        Rows(Path file, Consumer<Set<ImColumn>> header, Consumer<ImRow> rows) {
            this.file = file;
            this.header = header;
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            headerCells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!headerSeen) {
                if (headerCells.isEmpty()) {
                    return;
                }
                headerCells.forEach((col, text) -> {
                    ImColumn c = ImColumn.of(text);
                    if (c != null) {
                        columns.put(col, c);
                    }
                });
                if (!columns.containsValue(ImColumn.TEXT)) {
                    throw ImExportReader.noTextColumn(file);
                }
                headerSeen = true;
                header.accept(Set.copyOf(columns.values()));
                return;
            }
            if (!cells.isEmpty()) {
                rows.accept(new ImRow(rowNum + 1, cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (value == null || value.isBlank()) {
                return;
            }
            int col = new CellReference(reference).getCol();
            if (!headerSeen) {
                headerCells.put(col, value);
            } else if (columns.containsKey(col)) {
                cells.put(columns.get(col), value);
            }
        }
    }
}
