package ru.otklik.incident.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test helper: Moscow local date-times as instants. */
final class Msk {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private Msk() {
    }

    /** {@code "2025-03-03T10:00"} in Moscow. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    static WorkingCalendar calendar() {
        return new WorkingCalendar(ZONE, WorkingHours.DEFAULT, ProductionCalendarFile.bundled());
    }
}
