package ru.otklik.im;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An export saved as CSV (RFC 4180: quoted fields with separators, doubled quotes and line breaks), UTF-8 with
 * or without a BOM, separated by ';' (what a Russian Excel writes) or ','. Streams: one record at a time.
 */
final class CsvExportReader implements ImExportReader {

    @Override
    public void read(Path file, Consumer<Set<ImColumn>> header, Consumer<ImRow> rows) throws IOException {
        char separator = separator(file);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (PushbackReader in = new PushbackReader(new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), decoder)), 1)) {
            List<String> head = record(in, separator);
            if (head == null) {
                throw new ImExportException(file.getFileName() + " is empty");
            }
            ImColumn[] columns = new ImColumn[head.size()];
            Map<ImColumn, Boolean> found = new EnumMap<>(ImColumn.class);
            for (int i = 0; i < columns.length; i++) {
                columns[i] = ImColumn.of(head.get(i));
                if (columns[i] != null) {
                    found.put(columns[i], true);
                }
            }
            if (!found.containsKey(ImColumn.TEXT)) {
                throw ImExportReader.noTextColumn(file);
            }
            header.accept(found.keySet());
            int line = 1;
            for (List<String> r = record(in, separator); r != null; r = record(in, separator)) {
                line++;
                Map<ImColumn, String> cells = new EnumMap<>(ImColumn.class);
                for (int i = 0; i < r.size() && i < columns.length; i++) {
                    if (columns[i] != null && !r.get(i).isBlank()) {
                        cells.put(columns[i], r.get(i));
                    }
                }
                if (!(r.size() == 1 && r.get(0).isBlank())) {
                    rows.accept(new ImRow(line, cells));
                }
            }
        } catch (CharacterCodingException e) {
            throw new ImExportException(file.getFileName() + " is not UTF-8 text: save the export as CSV UTF-8", e);
        }
    }

    /** ';' when the first line has more of them than commas (outside quotes), else ','. */
    private static char separator(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) {
                return ',';
            }
            int semicolons = 0;
            int commas = 0;
            boolean quoted = false;
            for (char c : first.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == ';') {
                    semicolons++;
                } else if (!quoted && c == ',') {
                    commas++;
                }
            }
            return semicolons > commas ? ';' : ',';
        } catch (CharacterCodingException e) {
            throw new ImExportException(file.getFileName() + " is not UTF-8 text: save the export as CSV UTF-8", e);
        }
    }

    /** The next record's fields, or null at the end of the file. */
    private static List<String> record(PushbackReader in, char sep) throws IOException {
        int c = in.read();
        if (c == '\uFEFF') {
            c = in.read();
        }
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (; c != -1; c = in.read()) {
            if (quoted) {
                if (c != '"') {
                    f.append((char) c);
                    continue;
                }
                int next = in.read();
                if (next == '"') {
                    f.append('"');
                } else {
                    quoted = false;
                    if (next != -1) {
                        in.unread(next);
                    }
                }
            } else if (c == '"' && f.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == sep) {
                fields.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                f.append((char) c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
