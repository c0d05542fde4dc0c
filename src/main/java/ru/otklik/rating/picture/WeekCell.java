package ru.otklik.rating.picture;

import java.time.LocalDate;

/**
 * Incidents of one topic in one municipality in one week (weeks start on Monday, Moscow time).
 *
 * @param baseline mean weekly count over the trailing baseline weeks before this one
 * @param spike    the count is well above the baseline (see {@link WeeklyPicture})
 */
public record WeekCell(LocalDate week, String topic, String municipality, int count, double baseline, boolean spike) {
}
