package ru.otklik.im;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the typed cells of an export leniently; a value that cannot be read is empty, never a guess. */
public final class ImValues {

    /** ИМ's dates are Moscow local times. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ofPattern("d.M.uuuu H:mm:ss"), DateTimeFormatter.ofPattern("d.M.uuuu H:mm"),
            DateTimeFormatter.ofPattern("d.M.uu H:mm:ss"), DateTimeFormatter.ofPattern("d.M.uu H:mm"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("d.M.uu"), DateTimeFormatter.ISO_LOCAL_DATE);
    private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{1,2})(?::(\\d{1,2}))?");
    private static final Pattern WORDS = Pattern.compile(
            "(?:(\\d+(?:[.,]\\d+)?)\\s*(?:д|дн|дня|дней)\\.?)?\\s*(?:(\\d+(?:[.,]\\d+)?)\\s*(?:ч|час|часа|часов)\\.?)?"
                    + "\\s*(?:(\\d+)\\s*(?:м|мин|минут|минуты|минута)\\.?)?\\s*(?:(\\d+)\\s*(?:с|сек|секунд)\\.?)?");

    private ImValues() {
    }

    /** A date or date-time: ISO (with or without offset), {@code dd.MM.yyyy[ HH:mm[:ss]]}, Moscow time. */
    public static Optional<Instant> instant(String text) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("'")) {
            t = t.substring(1).strip();
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException ignored) {
            // not with an offset
        }
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException ignored) {
            // not UTC
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return Optional.of(LocalDateTime.parse(t, f).atZone(ZONE).toInstant());
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(t, f).atStartOfDay(ZONE).toInstant());
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        return Optional.empty();
    }

    /** Working time as hours ({@code 5.25}, {@code 5,25}), {@code HH:MM[:SS]} or words ({@code 5 ч 15 мин}). */
    public static Optional<Duration> workingTime(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("'")) {
            t = t.substring(1).strip();
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            double hours = Double.parseDouble(t.replace(',', '.'));
            return hours < 0 || Double.isNaN(hours) || Double.isInfinite(hours) ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(Math.round(hours * 3600)));
        } catch (NumberFormatException ignored) {
            // not a number of hours
        }
        Matcher clock = CLOCK.matcher(t);
        if (clock.matches()) {
            return Optional.of(Duration.ofHours(Long.parseLong(clock.group(1)))
                    .plusMinutes(Long.parseLong(clock.group(2)))
                    .plusSeconds(clock.group(3) == null ? 0 : Long.parseLong(clock.group(3))));
        }
        Matcher words = WORDS.matcher(t);
        if (words.matches() && (words.group(1) != null || words.group(2) != null || words.group(3) != null
                || words.group(4) != null)) {
            double days = number(words.group(1));
            double hours = number(words.group(2));
            return Optional.of(Duration.ofSeconds(Math.round((days * 24 + hours) * 3600))
                    .plusMinutes((long) number(words.group(3))).plusSeconds((long) number(words.group(4))));
        }
        return Optional.empty();
    }

    private static double number(String group) {
        return group == null ? 0 : Double.parseDouble(group.replace(',', '.'));
    }

    /** «Да»/«Нет» (also yes/no, true/false, 1/0); anything else is unknown. */
    public static Optional<Boolean> yesNo(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "да", "yes", "true", "1", "уложились" -> Optional.of(true);
            case "нет", "no", "false", "0", "не уложились" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** «Решаемый» → problem, «Информационный» → question; anything else is unknown. */
    public static Optional<String> incidentType(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("решаем")) {
            return Optional.of("problem");
        }
        if (t.startsWith("информац")) {
            return Optional.of("question");
        }
        return Optional.empty();
    }
}
