package ru.otklik.web.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpikesTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);

    @Test
    void aDayFarAboveTheUsualIsASpikeAndTheUsualIsNot() {
        Map<LocalDate, Long> roads = new HashMap<>();
        for (LocalDate d = FROM.minusDays(28); !d.isAfter(TO); d = d.plusDays(1)) {
            roads.put(d, d.getDayOfMonth() % 2 == 0 ? 2L : 1L);
        }
        roads.put(LocalDate.of(2026, 11, 25), 9L);
        var spikes = Spikes.find(Map.of("roads", roads), FROM, TO, 28, 3, 2.0);
        assertThat(spikes).singleElement().satisfies(s -> {
            assertThat(s.topic()).isEqualTo("roads");
            assertThat(s.day()).isEqualTo(LocalDate.of(2026, 11, 25));
            assertThat(s.count()).isEqualTo(9);
            assertThat(s.baseline()).isBetween(1.0, 2.0);
        });
    }

    @Test
    void aQuietTopicNeedsAtLeastTheMinimumCount() {
        Map<LocalDate, Long> culture = Map.of(LocalDate.of(2026, 11, 10), 2L, LocalDate.of(2026, 11, 20), 3L);
        assertThat(Spikes.find(Map.of("culture", culture), FROM, TO, 28, 3, 2.0))
                .extracting(Spikes.Spike::day).containsExactly(LocalDate.of(2026, 11, 20));
    }
}
