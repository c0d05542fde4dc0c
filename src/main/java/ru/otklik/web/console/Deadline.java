package ru.otklik.web.console;

import java.time.Duration;
import java.time.Instant;

/**
 * Time left until a deadline, as the board colours it: overdue, under 10 % of the allowed time left,
 * under 30 % left, or comfortable. Closed incidents are not coloured at all.
 *
 * @param start when the clock started (the incident's creation)
 */
public record Deadline(Instant due, Instant start, Instant now, boolean stopped) {

    /** The board's colour class. */
    public String level() {
        if (stopped || due == null) {
            return "done";
        }
        if (!now.isBefore(due)) {
            return "overdue";
        }
        double total = Math.max(1, Duration.between(start, due).toSeconds());
        double left = Duration.between(now, due).toSeconds();
        return left / total < 0.10 ? "critical" : left / total < 0.30 ? "warning" : "ok";
    }

    public boolean overdue() {
        return "overdue".equals(level());
    }

    /** "осталось 2 д 4 ч", "просрочено на 35 мин", or "срок остановлен". */
    public String text() {
        if (due == null) {
            return "без срока";
        }
        if (stopped) {
            return "срок остановлен";
        }
        Duration gap = Duration.between(now, due);
        return gap.isNegative() ? "просрочено на " + span(gap.negated()) : "осталось " + span(gap);
    }

    /** The largest two units of a duration in Russian abbreviations. */
    static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return hours > 0 ? days + " д " + hours + " ч" : days + " д";
        }
        if (hours > 0) {
            return minutes > 0 ? hours + " ч " + minutes + " мин" : hours + " ч";
        }
        return Math.max(minutes, 1) + " мин";
    }
}
