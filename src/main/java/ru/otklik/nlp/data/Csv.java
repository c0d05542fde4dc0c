package ru.otklik.nlp.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 reader (quoted fields with commas, doubled quotes and line breaks), enough for the
 * appeal exports; rows come back as header → value maps.
 */
public final class Csv {

    private Csv() {
    }

    public static List<Map<String, String>> read(Path file, char separator) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, separator);
        }
    }

    public static List<Map<String, String>> read(Reader reader, char separator) throws IOException {
        List<List<String>> rows = parse(reader, separator);
        List<Map<String, String>> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<String> header = rows.get(0);
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            Map<String, String> m = new HashMap<>();
            for (int c = 0; c < header.size() && c < row.size(); c++) {
                m.put(header.get(c).strip(), row.get(c));
            }
            out.add(m);
        }
        return out;
    }

    private static List<List<String>> parse(Reader reader, char sep) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = reader.read(buf)) != -1) {
            all.append(buf, 0, n);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            if (quoted) {
                if (c != '"') {
                    f.append(c);
                } else if (i + 1 < all.length() && all.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && f.length() == 0) {
                quoted = true;
            } else if (c == sep) {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
