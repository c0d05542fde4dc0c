package ru.otklik.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TopicBlendTest {

    private static final List<String> TOPIC = List.of("roads", "housing_utilities", "ecology", "none");
    private static final List<String> LOCAL = List.of("housing_utilities", "roads");

    @Test
    void theInDomainModelReordersTheRubricsAndLeavesNoneAlone() {
        // the topic model leans to roads (a yard surface worded like a road appeal); the posts' model knows it is
        // housing_utilities
        double[] topic = {0.40, 0.30, 0.05, 0.25};
        double[] local = {0.90, 0.10};
        double[] blended = new TopicBlend(0.5).apply(TOPIC, topic, LOCAL, local);
        assertThat(blended[3]).isEqualTo(0.25);
        assertThat(blended[1]).isGreaterThan(blended[0]);
        assertThat(Arrays.stream(blended).sum()).isCloseTo(1.0, within(1e-9));
        // geometric mean in log space: housing / roads = sqrt(0.30·0.90) / sqrt(0.40·0.10)
        assertThat(blended[1] / blended[0]).isCloseTo(Math.sqrt(0.27 / 0.04), within(1e-9));
    }

    @Test
    void aRubricTheSmallModelLacksIsPushedDownNotRuledOut() {
        double[] topic = {0.30, 0.30, 0.30, 0.10};
        double[] blended = new TopicBlend(0.3).apply(TOPIC, topic, LOCAL, new double[] {0.6, 0.4});
        // ecology is unknown to the small model: it weighs as the small model's least likely rubric (0.4)
        assertThat(blended[2]).isPositive().isCloseTo(blended[0], within(1e-12));
        assertThat(blended[1]).isGreaterThan(blended[0]);
    }

    @Test
    void weightZeroIsTheTopicModelAloneAndWeightsOutsideTheUnitAreRefused() {
        double[] topic = {0.40, 0.30, 0.05, 0.25};
        assertThat(new TopicBlend(0).apply(TOPIC, topic, LOCAL, new double[] {0.99, 0.01})).containsExactly(topic);
        assertThatThrownBy(() -> new TopicBlend(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicBlend(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
