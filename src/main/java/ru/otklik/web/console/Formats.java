package ru.otklik.web.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console prints times and numbers. Storage is UTC; people in the centre read Moscow time, so every
 * instant is shown in Europe/Moscow.
 */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT)
            .withZone(MOSCOW);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(MOSCOW);

    private Formats() {
    }

    /** {@code 27.11.2026 14:05} in Moscow time; a dash for a missing time. */
    static String msk(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    /** ISO 8601 with the Moscow offset, for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : ISO.format(instant);
    }

    /** A score in [0, 1] as a whole percentage. */
    static String percent(Double score) {
        return score == null ? "" : Math.round(score * 100) + " %";
    }

    /** A number with one decimal, Russian style (comma). */
    static String decimal(Double value) {
        return value == null ? "—" : String.format(Locale.forLanguageTag("ru"), "%.1f", value);
    }

    /** Thousands separated by a thin space, as Russian typography wants. */
    static String grouped(long value) {
        return String.format(Locale.forLanguageTag("ru"), "%,d", value).replace('\u00a0', '\u202f');
    }
}
