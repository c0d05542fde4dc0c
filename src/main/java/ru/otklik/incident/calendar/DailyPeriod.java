package ru.otklik.incident.calendar;

import java.time.LocalTime;

/** One working period of a day in local time, [from, to). */
public record DailyPeriod(LocalTime from, LocalTime to) {
}
