package ru.otklik.incident.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the production-calendar data file. Format (UTF-8, tab- or space-separated, '#' starts a comment):
 *
 * <pre>
 * year  2025  Постановление Правительства РФ от 04.10.2024 № 1335
 * 2025-05-02  day_off  перенос с субботы 4 января
 * 2025-11-01  working  рабочая суббота
 * 2025-04-30  short    предпраздничный день
 * </pre>
 *
 * A {@code year} line declares that the file covers that year and names its decree; a date line
 * sets one day's kind: {@code day_off}, {@code working}, {@code short} or {@code holiday}. Days not
 * listed in a covered year follow Art. 112 and the five-day week. Errors name the line.
 */
public final class ProductionCalendarFile {

    /** The calendar shipped with Otklik. */
    public static final String BUNDLED_RESOURCE = "calendar/production-calendar-ru.tsv";

    private ProductionCalendarFile() {
    }

    public static ProductionCalendar bundled() {
        InputStream in = ProductionCalendarFile.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("bundled production calendar " + BUNDLED_RESOURCE + " is missing");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    public static ProductionCalendar load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(reader, path.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read production calendar " + path + ": " + e.getMessage(), e);
        }
    }

    public static ProductionCalendar parse(Reader reader, String name) throws IOException {
        Map<Integer, String> years = new HashMap<>();
        Map<LocalDate, DayKind> entries = new HashMap<>();
        Map<LocalDate, Integer> entryLines = new HashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String content = stripComment(line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+", 3);
            if (fields.length < 2) {
                throw error(name, number, "expected '<date> <kind> [note]' or 'year <yyyy> <decree>'");
            }
            if (fields[0].equals("year")) {
                int year = parseYear(fields[1], name, number);
                if (fields.length < 3) {
                    throw error(name, number, "year " + year + " must name the decree it follows");
                }
                if (years.putIfAbsent(year, fields[2].strip()) != null) {
                    throw error(name, number, "year " + year + " is declared twice");
                }
                continue;
            }
            LocalDate date = parseDate(fields[0], name, number);
            DayKind kind = parseKind(fields[1], name, number);
            validateKind(date, kind, name, number);
            Integer previous = entryLines.putIfAbsent(date, number);
            if (previous != null) {
                throw error(name, number, date + " is already listed on line " + previous);
            }
            entries.put(date, kind);
        }
        for (Map.Entry<LocalDate, Integer> entry : entryLines.entrySet()) {
            if (!years.containsKey(entry.getKey().getYear())) {
                throw error(name, entry.getValue(), entry.getKey() + " belongs to " + entry.getKey().getYear()
                        + ", which has no 'year' line naming its decree");
            }
        }
        return new ProductionCalendar(years, entries);
    }

    private static void validateKind(LocalDate date, DayKind kind, String name, int number) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (kind == DayKind.WEEKEND) {
            throw error(name, number, "'weekend' is implied by the day of week; use day_off for a transferred day");
        }
        if (kind == DayKind.DAY_OFF && weekend) {
            throw error(name, number, date + " is a " + date.getDayOfWeek() + " already; a transferred day off falls on a weekday");
        }
        if (kind == DayKind.WORKING && !weekend) {
            throw error(name, number, date + " is a weekday; 'working' is for a working Saturday or Sunday");
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash >= 0 ? line.substring(0, hash) : line;
    }

    private static int parseYear(String text, String name, int number) {
        try {
            int year = Integer.parseInt(text);
            if (year < 1990 || year > 2200) {
                throw error(name, number, "implausible year " + year);
            }
            return year;
        } catch (NumberFormatException e) {
            throw error(name, number, "'" + text + "' is not a year");
        }
    }

    private static LocalDate parseDate(String text, String name, int number) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(name, number, "'" + text + "' is not a date (expected YYYY-MM-DD)");
        }
    }

    private static DayKind parseKind(String text, String name, int number) {
        try {
            return DayKind.fromCode(text);
        } catch (IllegalArgumentException e) {
            throw error(name, number, e.getMessage());
        }
    }

    private static IllegalArgumentException error(String name, int number, String message) {
        return new IllegalArgumentException("production calendar " + name + ", line " + number + ": " + message);
    }
}
