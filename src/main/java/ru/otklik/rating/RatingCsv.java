package ru.otklik.rating;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Ratings as CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted,
 * quotes doubled; CRLF line ends; an empty field is a missing value). {@link #read} reads back
 * exactly what {@link #write} wrote, so an export can be re-imported and compared.
 */
public final class RatingCsv {

    public static final List<String> HEADER = List.of("period", "dimension", "key", "received", "handled", "answered",
            "resolved", "median_first_response_hours", "p90_first_response_hours", "median_resolution_hours",
            "p90_resolution_hours", "share_on_time", "share_ratings_4_5", "reopen_rate", "satisfaction",
            "share_answered", "share_resolved", "score", "rank");

    private RatingCsv() {
    }

    public static String toCsv(List<RatingRow> rows) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (RatingRow r : rows) {
            line(out, List.of(r.period(), r.dimension().code(), r.key(), str(r.received()), str(r.handled()),
                    str(r.answered()), str(r.resolved()), str(r.medianFirstResponseHours()), str(r.p90FirstResponseHours()),
                    str(r.medianResolutionHours()), str(r.p90ResolutionHours()), str(r.shareOnTime()),
                    str(r.shareRatings45()), str(r.reopenRate()), str(r.satisfaction()), str(r.shareAnswered()),
                    str(r.shareResolved()), str(r.score()), str(r.rank())));
        }
        return out.toString();
    }

    public static void write(List<RatingRow> rows, Writer writer) throws IOException {
        writer.write(toCsv(rows));
    }

    public static List<RatingRow> read(Reader reader) throws IOException {
        List<List<String>> records = parse(new BufferedReader(reader));
        if (records.isEmpty() || !records.get(0).equals(HEADER)) {
            throw new IllegalArgumentException("not a ratings CSV: the first line must be " + String.join(",", HEADER));
        }
        List<RatingRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> f = records.get(i);
            if (f.size() != HEADER.size()) {
                throw new IllegalArgumentException("ratings CSV record " + (i + 1) + " has " + f.size() + " fields, expected " + HEADER.size());
            }
            rows.add(new RatingRow(f.get(0), RatingDimension.fromCode(f.get(1)), f.get(2), Integer.parseInt(f.get(3)),
                    Integer.parseInt(f.get(4)), Integer.parseInt(f.get(5)), Integer.parseInt(f.get(6)), dbl(f.get(7)),
                    dbl(f.get(8)), dbl(f.get(9)), dbl(f.get(10)), dbl(f.get(11)), dbl(f.get(12)), dbl(f.get(13)),
                    dbl(f.get(14)), dbl(f.get(15)), dbl(f.get(16)), dbl(f.get(17)), f.get(18).isEmpty() ? null : Integer.valueOf(f.get(18))));
        }
        return rows;
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    /** RFC 4180 records, quoted fields may span lines. */
    static List<List<String>> parse(BufferedReader in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (any) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Double dbl(String text) {
        return text.isEmpty() ? null : Double.valueOf(text);
    }
}
