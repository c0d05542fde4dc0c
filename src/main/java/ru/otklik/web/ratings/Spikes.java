package ru.otklik.web.ratings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Days on which a topic drew far more incidents than usual: at least {@code minCount} and more than the mean
 * plus {@code sigmas} standard deviations of the preceding {@code window} days (days without incidents count as
 * zero). The deviation has a floor of 1, so a quiet topic does not "spike" on its second incident.
 */
public final class Spikes {

    /** One spike: the topic, the day, its count and the baseline it was compared with. */
    public record Spike(String topic, LocalDate day, long count, double baseline) {
    }

    private Spikes() {
    }

    public static List<Spike> find(Map<String, Map<LocalDate, Long>> dailyByTopic, LocalDate from, LocalDate to,
                                   int window, long minCount, double sigmas) {
        List<Spike> spikes = new ArrayList<>();
        dailyByTopic.forEach((topic, daily) -> {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                long count = daily.getOrDefault(day, 0L);
                if (count < minCount) {
                    continue;
                }
                double sum = 0;
                double squares = 0;
                for (int back = 1; back <= window; back++) {
                    long c = daily.getOrDefault(day.minusDays(back), 0L);
                    sum += c;
                    squares += (double) c * c;
                }
                double mean = sum / window;
                double deviation = Math.max(1, Math.sqrt(Math.max(0, squares / window - mean * mean)));
                if (count > mean + sigmas * deviation) {
                    spikes.add(new Spike(topic, day, count, Math.round(mean * 10) / 10.0));
                }
            }
        });
        spikes.sort(Comparator.comparing(Spike::day).reversed().thenComparing(Spike::topic));
        return spikes;
    }
}
