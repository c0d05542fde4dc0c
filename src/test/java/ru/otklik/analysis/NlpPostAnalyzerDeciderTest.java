package ru.otklik.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import ru.otklik.nlp.IncidentDecider;

/** The service's decider: a configured threshold moves its line; one out of range stops the start naming the key. */
class NlpPostAnalyzerDeciderTest {

    @Test
    void aThresholdOutOfRangeNamesTheConfigurationKey() {
        assertThat(NlpPostAnalyzer.decider(Optional.empty(), OptionalDouble.of(0.9)).threshold()).isEqualTo(0.9);
        assertThat(NlpPostAnalyzer.decider(Optional.empty(), OptionalDouble.empty()).threshold())
                .isEqualTo(IncidentDecider.DEFAULT_THRESHOLD);
        assertThatThrownBy(() -> NlpPostAnalyzer.decider(Optional.empty(), OptionalDouble.of(95)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("otklik.analysis.complaint-threshold: ")
                .hasMessageContaining("got 95.0");
    }
}
