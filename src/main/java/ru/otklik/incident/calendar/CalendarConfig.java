package ru.otklik.incident.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/** {@code otklik.calendar.*}: the working-time calendar. */
@ConfigMapping(prefix = "otklik.calendar")
public interface CalendarConfig {

    /** Time zone of the working day; the region's is Europe/Moscow (UTC+3, no DST). */
    @WithDefault("Europe/Moscow")
    String zone();

    /** A production-calendar file to use instead of the bundled one (same format). */
    Optional<String> file();

    @WithDefault("09:00")
    LocalTime dayStart();

    @WithDefault("18:00")
    LocalTime dayEnd();

    /** The lunch break as {@code HH:mm-HH:mm}, or {@code none}. It is not working time. */
    @WithDefault("13:00-14:00")
    String lunchBreak();

    /** How much shorter a pre-holiday day is (Art. 95 of the Labour Code: one hour). */
    @WithDefault("1h")
    Duration shortDayReduction();
}
