package ru.otklik.rating.picture;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Incidents by topic × municipality per week, with spikes flagged: a week is a spike when its count
 * is at least {@code minCount} and at least {@code factor} times the mean of the {@code baselineWeeks}
 * weeks before it (weeks without incidents count as zero). The floor keeps one incident after a quiet
 * month from being called a spike.
 */
public final class WeeklyPicture {

    private final ZoneId zone;
    private final int baselineWeeks;
    private final double factor;
    private final int minCount;

    public WeeklyPicture(ZoneId zone, int baselineWeeks, double factor, int minCount) {
        if (baselineWeeks < 1 || factor <= 1 || minCount < 1) {
            throw new IllegalArgumentException("otklik.picture: baseline-weeks ≥ 1, spike-factor > 1 and spike-min-count ≥ 1 required");
        }
        this.zone = zone;
        this.baselineWeeks = baselineWeeks;
        this.factor = factor;
        this.minCount = minCount;
    }

    public int baselineWeeks() {
        return baselineWeeks;
    }

    public LocalDate weekOf(java.time.Instant instant) {
        return instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * Cells with at least one incident for the weeks {@code firstWeek}..{@code lastWeek} (Mondays),
     * newest week first, then by count. The occurrences must include the baseline weeks before {@code firstWeek}.
     */
    public List<WeekCell> cells(List<Occurrence> occurrences, LocalDate firstWeek, LocalDate lastWeek) {
        Map<Key, Integer> counts = new HashMap<>();
        for (Occurrence o : occurrences) {
            counts.merge(new Key(weekOf(o.firstSeenAt()), o.topic(), o.municipality()), 1, Integer::sum);
        }
        List<WeekCell> cells = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (!key.week.isBefore(firstWeek) && !key.week.isAfter(lastWeek)) {
                double baseline = 0;
                for (int i = 1; i <= baselineWeeks; i++) {
                    baseline += counts.getOrDefault(new Key(key.week.minusWeeks(i), key.topic, key.municipality), 0);
                }
                baseline /= baselineWeeks;
                boolean spike = count >= minCount && count >= factor * baseline;
                cells.add(new WeekCell(key.week, key.topic, key.municipality, count, baseline, spike));
            }
        });
        cells.sort(Comparator.comparing(WeekCell::week).reversed().thenComparing(Comparator.comparingInt(WeekCell::count).reversed())
                .thenComparing(WeekCell::topic).thenComparing(c -> Objects.toString(c.municipality(), "")));
        return cells;
    }

    private record Key(LocalDate week, String topic, String municipality) {
    }
}
