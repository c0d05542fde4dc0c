package ru.otklik.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ratings on a small fixture against values computed by hand (the arithmetic is in the comments). */
class RatingCalculatorTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    private static final Instant MARCH_1 = Instant.parse("2025-02-28T21:00:00Z");
    private static final Instant APRIL_1 = Instant.parse("2025-03-31T21:00:00Z");

    private static long ids;

    private static IncidentFact fact(String agency, String municipality, String received, Integer frHours, Integer resHours,
                                     Boolean frOnTime, Boolean resOnTime, Integer rating, boolean reopened, Double satisfaction) {
        Instant at = Instant.parse(received);
        return new IncidentFact(++ids, agency, municipality, "roads", at,
                frHours == null ? null : at.plus(Duration.ofHours(frHours)),
                resHours == null ? null : at.plus(Duration.ofHours(resHours)),
                frHours == null ? null : Duration.ofHours(frHours), resHours == null ? null : Duration.ofHours(resHours),
                frOnTime, resOnTime, rating, reopened, satisfaction);
    }

    static final List<IncidentFact> FIXTURE = List.of(
            fact("A", "tula", "2025-03-03T08:00:00Z", 2, 10, true, true, 5, false, 0.8),
            fact("A", "tula", "2025-03-04T08:00:00Z", 4, 20, true, false, 3, true, 0.4),
            fact("A", "aleksin", "2025-03-05T08:00:00Z", 6, null, true, null, null, false, null),
            fact("A", "tula", "2025-03-31T20:59:59Z", null, null, false, null, null, false, null),
            fact("A", "tula", "2025-03-31T21:00:00Z", 1, null, true, null, null, false, null),
            fact("B", "tula", "2025-03-10T08:00:00Z", 1, 5, true, true, 4, false, 0.9),
            fact("B", "aleksin", "2025-03-11T08:00:00Z", 3, 7, true, true, 5, false, null),
            fact("B", "aleksin", "2025-03-12T08:00:00Z", 8, null, false, null, null, false, null),
            fact("C", "novomoskovsk", "2025-03-13T08:00:00Z", 1, 2, true, true, 5, false, 1.0),
            fact(null, "tula", "2025-03-14T08:00:00Z", null, null, null, null, null, false, null));

    private final RatingCalculator calculator = new RatingCalculator(3);

    @Test
    void agenciesInMarch() {
        List<RatingRow> rows = calculator.rate(FIXTURE, RatingDimension.AGENCY, MARCH_1, APRIL_1, "2025-03");
        // B: fr [1,3,8] → median 3, p90 = 3rd of 3 = 8; res [5,7] → 6, p90 = 2nd of 2 = 7;
        // on time: T,T,F (fr) + T,T (res) = 4/5; ratings 4,5 → 1.0; reopen 0/3; satisfaction 0.9;
        // answered 3/3, resolved 2/3 = 0.6667; score = (0.8+1+1+0.9+1+0.6667)/6 = 89.4
        assertEquals(new RatingRow("2025-03", RatingDimension.AGENCY, "B", 3, 3, 3, 2, 3.0, 8.0, 6.0, 7.0, 0.8, 1.0, 0.0,
                0.9, 1.0, 0.6667, 89.4, 1), rows.get(0));
        // A (the incident at 21:00 UTC on 31 March is April in Moscow): fr [2,4,6] → 4 and 6; res [10,20] → 15 and 20;
        // on time T,T,T,F + T,F = 4/6; ratings 5,3 → 0.5; reopen 1/3; satisfaction (0.8+0.4)/2;
        // answered 3/4, resolved 2/4; score = (0.6667+0.5+0.6667+0.6+0.75+0.5)/6 = 61.4
        assertEquals(new RatingRow("2025-03", RatingDimension.AGENCY, "A", 4, 3, 3, 2, 4.0, 6.0, 15.0, 20.0, 0.6667, 0.5,
                0.3333, 0.6, 0.75, 0.5, 61.4, 2), rows.get(1));
        // C has the best score but one incident is below the minimum sample of 3: no rank
        assertEquals(new RatingRow("2025-03", RatingDimension.AGENCY, "C", 1, 1, 1, 1, 1.0, 1.0, 2.0, 2.0, 1.0, 1.0, 0.0,
                1.0, 1.0, 1.0, 100.0, null), rows.get(2));
        assertEquals(3, rows.size());
    }

    @Test
    void municipalitiesInMarch() {
        List<RatingRow> rows = calculator.rate(FIXTURE, RatingDimension.MUNICIPALITY, MARCH_1, APRIL_1, "2025-03");
        RatingRow tula = rows.stream().filter(r -> r.key().equals("tula")).findFirst().orElseThrow();
        // tula: A1, A2, A4, B1 and the unassigned one: received 5, answered 3, resolved 3;
        // fr [2,4,1] → median 2, p90 4; res [10,20,5] → 10 and 20; on time fr T,T,F,T + res T,F,T = 5/7;
        // ratings 5,3,4 → 2/3; reopen 1/3; satisfaction (0.8+0.4+0.9)/3 = 0.7; answered 3/5, resolved 3/5;
        // score = (0.7143+0.6667+0.6667+0.7+0.6+0.6)/6 = 65.8
        assertEquals(new RatingRow("2025-03", RatingDimension.MUNICIPALITY, "tula", 5, 3, 3, 3, 2.0, 4.0, 10.0, 20.0,
                0.7143, 0.6667, 0.3333, 0.7, 0.6, 0.6, 65.8, 2), tula);
        RatingRow aleksin = rows.get(0);
        // aleksin: A3, B2, B3: fr [6,3,8] → 6 and 8; res [7]; on time T,T,F + T = 3/4; ratings 5 → 1.0;
        // reopen 0/3; no satisfaction; answered 3/3, resolved 1/3; score = (0.75+1+1+1+0.3333)/5 = 81.7
        assertEquals(new RatingRow("2025-03", RatingDimension.MUNICIPALITY, "aleksin", 3, 3, 3, 1, 6.0, 8.0, 7.0, 7.0,
                0.75, 1.0, 0.0, null, 1.0, 0.3333, 81.7, 1), aleksin);
    }

    @Test
    void monthByMonth() {
        List<RatingRow> rows = calculator.monthly(FIXTURE, RatingDimension.AGENCY, MSK, YearMonth.of(2025, 2), YearMonth.of(2025, 4));
        assertEquals(List.of("2025-03", "2025-03", "2025-03", "2025-04"), rows.stream().map(RatingRow::period).toList());
        RatingRow april = rows.get(3);
        assertEquals("A", april.key());
        assertEquals(1, april.received());
        assertNull(april.rank());
        assertNull(april.medianResolutionHours());
    }

    @Test
    void equalScoresShareARank() {
        RatingRow base = new RatingRow("p", RatingDimension.AGENCY, "x", 5, 5, 5, 5, null, null, null, null, null, null, null,
                null, null, null, 80.0, null);
        List<RatingRow> ranked = calculator.rank(List.of(
                copy(base, "a", 70.0), copy(base, "b", 90.0), copy(base, "c", 90.0), copy(base, "d", 80.0)));
        assertEquals(List.of("b", "c", "d", "a"), ranked.stream().map(RatingRow::key).toList());
        assertEquals(List.of(1, 1, 3, 4), ranked.stream().map(RatingRow::rank).toList());
    }

    @Test
    void statistics() {
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(3.0, Stats.median(List.of(5.0, 1.0, 3.0)));
        assertEquals(9.0, Stats.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 90));
        assertEquals(10.0, Stats.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0), 90));
        assertEquals(7.0, Stats.percentile(List.of(7.0), 90));
        assertNull(Stats.median(List.of()));
        assertNull(Stats.share(0, 0));
    }

    private static RatingRow copy(RatingRow row, String key, double score) {
        return new RatingRow(row.period(), row.dimension(), key, row.received(), row.handled(), row.answered(), row.resolved(),
                null, null, null, null, null, null, null, null, null, null, score, null);
    }
}
