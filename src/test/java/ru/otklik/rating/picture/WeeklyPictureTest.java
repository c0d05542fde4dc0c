package ru.otklik.rating.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyPictureTest {

    private final WeeklyPicture picture = new WeeklyPicture(ZoneId.of("Europe/Moscow"), 4, 2.0, 3);

    private static void add(List<Occurrence> list, String topic, String municipality, String at, int times) {
        for (int i = 0; i < times; i++) {
            list.add(new Occurrence(topic, municipality, Instant.parse(at)));
        }
    }

    @Test
    void flagsWeeksWellAboveTheTrailingBaseline() {
        List<Occurrence> list = new ArrayList<>();
        // roads in Tula: 1, 2, 1, 0 in the four weeks before 3 March 2025, then 5 → baseline 1.0, spike
        add(list, "roads", "tula", "2025-02-03T09:00:00Z", 1);
        add(list, "roads", "tula", "2025-02-10T09:00:00Z", 2);
        add(list, "roads", "tula", "2025-02-17T09:00:00Z", 1);
        add(list, "roads", "tula", "2025-03-05T09:00:00Z", 5);
        // ecology in Aleksin: 2 each week, then 4 → baseline 2.0, 4 ≥ 2 × 2: spike
        for (String week : List.of("2025-02-03", "2025-02-10", "2025-02-17", "2025-02-24")) {
            add(list, "ecology", "aleksin", week + "T09:00:00Z", 2);
        }
        add(list, "ecology", "aleksin", "2025-03-04T09:00:00Z", 4);
        // transport in Efremov: 2 after nothing — below the minimum count of 3
        add(list, "transport", "efremov", "2025-03-06T09:00:00Z", 2);
        // Sunday 9 March 23:30 in Moscow is 20:30 UTC: still the week of 3 March
        add(list, "transport", "efremov", "2025-03-09T20:30:00Z", 1);

        List<WeekCell> cells = picture.cells(list, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3));
        LocalDate week = LocalDate.of(2025, 3, 3);
        assertEquals(List.of(
                new WeekCell(week, "roads", "tula", 5, 1.0, true),
                new WeekCell(week, "ecology", "aleksin", 4, 2.0, true),
                new WeekCell(week, "transport", "efremov", 3, 0.0, true)), cells);

        List<WeekCell> february = picture.cells(list, LocalDate.of(2025, 2, 24), LocalDate.of(2025, 2, 24));
        assertEquals(List.of(new WeekCell(LocalDate.of(2025, 2, 24), "ecology", "aleksin", 2, 1.5, false)), february);
    }

    @Test
    void belowTheFactorIsNoSpike() {
        List<Occurrence> list = new ArrayList<>();
        for (String week : List.of("2025-02-03", "2025-02-10", "2025-02-17", "2025-02-24")) {
            add(list, "roads", "tula", week + "T09:00:00Z", 3);
        }
        add(list, "roads", "tula", "2025-03-03T09:00:00Z", 5);
        assertEquals(List.of(new WeekCell(LocalDate.of(2025, 3, 3), "roads", "tula", 5, 3.0, false)),
                picture.cells(list, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3)));
        assertThrows(IllegalArgumentException.class, () -> new WeeklyPicture(ZoneId.of("UTC"), 0, 2, 3));
    }
}
