package ru.otklik.rating;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Ratings of agencies and municipalities (§16 of the regulation) as pure functions over incident
 * facts. The formulas are documented in docs/incidents.md; in short:
 * <ul>
 *   <li>quantity: received = incidents received in the period, handled = answered or resolved;</li>
 *   <li>speed: median and 90th percentile (nearest rank) of working hours to first response and to
 *       resolution; share on time = deadlines met among deadlines whose outcome is known (both clocks);</li>
 *   <li>quality: share of ratings 4–5 among rated, reopen rate = reopened / handled, mean satisfaction;</li>
 *   <li>completeness: answered / received, resolved / received;</li>
 *   <li>score: the mean of the available components of the above that are 0–1 and higher-is-better
 *       (share on time, share 4–5, 1 − reopen rate, satisfaction, share answered, share resolved) × 100;
 *       rank by score, only among those with at least the minimum sample.</li>
 * </ul>
 */
public final class RatingCalculator {

    private final int minSample;

    public RatingCalculator(int minSample) {
        if (minSample < 1) {
            throw new IllegalArgumentException("otklik.rating.min-sample must be at least 1");
        }
        this.minSample = minSample;
    }

    public int minSample() {
        return minSample;
    }

    /** Ratings for incidents received in [from, to), labelled with {@code period}, ranked. */
    public List<RatingRow> rate(List<IncidentFact> facts, RatingDimension dimension, Instant from, Instant to, String period) {
        Map<String, List<IncidentFact>> byKey = new TreeMap<>();
        for (IncidentFact fact : facts) {
            String key = fact.keyOf(dimension);
            if (key != null && !fact.receivedAt().isBefore(from) && fact.receivedAt().isBefore(to)) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(fact);
            }
        }
        List<RatingRow> rows = new ArrayList<>();
        byKey.forEach((key, group) -> rows.add(row(period, dimension, key, group)));
        return rank(rows);
    }

    /** Month-by-month ratings (months in {@code zone}), oldest month first. */
    public List<RatingRow> monthly(List<IncidentFact> facts, RatingDimension dimension, ZoneId zone, YearMonth first,
                                   YearMonth last) {
        List<RatingRow> rows = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
            Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            rows.addAll(rate(facts, dimension, from, to, month.toString()));
        }
        return rows;
    }

    RatingRow row(String period, RatingDimension dimension, String key, List<IncidentFact> group) {
        int received = group.size();
        int handled = (int) group.stream().filter(IncidentFact::handled).count();
        int answered = (int) group.stream().filter(IncidentFact::answered).count();
        int resolved = (int) group.stream().filter(IncidentFact::resolved).count();
        List<Double> firstResponse = hours(group.stream().map(IncidentFact::firstResponseWorking));
        List<Double> resolution = hours(group.stream().map(IncidentFact::resolutionWorking));
        List<Boolean> outcomes = Stream.concat(group.stream().map(IncidentFact::firstResponseOnTime),
                group.stream().map(IncidentFact::resolutionOnTime)).filter(Objects::nonNull).toList();
        List<Integer> ratings = group.stream().map(IncidentFact::rating).filter(Objects::nonNull).toList();
        List<Double> satisfaction = group.stream().map(IncidentFact::satisfaction).filter(Objects::nonNull).toList();
        long reopened = group.stream().filter(IncidentFact::reopened).count();

        Double shareOnTime = Stats.share(outcomes.stream().filter(b -> b).count(), outcomes.size());
        Double share45 = Stats.share(ratings.stream().filter(r -> r >= 4).count(), ratings.size());
        Double reopenRate = Stats.share(reopened, handled);
        Double meanSatisfaction = Stats.round(Stats.mean(satisfaction), 4);
        Double shareAnswered = Stats.share(answered, received);
        Double shareResolved = Stats.share(resolved, received);
        Double score = score(shareOnTime, share45, reopenRate == null ? null : 1 - reopenRate, meanSatisfaction,
                shareAnswered, shareResolved);
        return new RatingRow(period, dimension, key, received, handled, answered, resolved,
                Stats.round(Stats.median(firstResponse), 2), Stats.round(Stats.percentile(firstResponse, 90), 2),
                Stats.round(Stats.median(resolution), 2), Stats.round(Stats.percentile(resolution, 90), 2),
                shareOnTime, share45, reopenRate, meanSatisfaction, shareAnswered, shareResolved, score, null);
    }

    /**
     * Competition ranking ("1, 2, 2, 4") by score among rows with at least the minimum sample: a
     * rank from three incidents would say more about chance than about the agency.
     */
    List<RatingRow> rank(List<RatingRow> rows) {
        List<RatingRow> eligible = rows.stream().filter(r -> r.received() >= minSample && r.score() != null)
                .sorted(Comparator.comparing(RatingRow::score).reversed().thenComparing(RatingRow::key)).toList();
        List<RatingRow> result = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            RatingRow current = eligible.get(i);
            int rank = i > 0 && current.score().equals(eligible.get(i - 1).score()) ? result.get(i - 1).rank() : i + 1;
            result.add(current.withRank(rank));
        }
        rows.stream().filter(r -> !eligible.contains(r)).sorted(Comparator.comparing(RatingRow::key)).forEach(result::add);
        return result;
    }

    private static Double score(Double... components) {
        List<Double> present = Stream.of(components).filter(Objects::nonNull).toList();
        return present.isEmpty() ? null : Stats.round(100 * Stats.mean(present), 1);
    }

    private static List<Double> hours(Stream<Duration> durations) {
        return durations.filter(Objects::nonNull).map(d -> d.toSeconds() / 3600.0).toList();
    }
}
