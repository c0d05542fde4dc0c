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
        double[] blended = new TopicBlend(0.5).apply(TOPIC, topic, LOCAL, local, 40);
        assertThat(blended[3]).isEqualTo(0.25);
        assertThat(blended[1]).isGreaterThan(blended[0]);
        assertThat(Arrays.stream(blended).sum()).isCloseTo(1.0, within(1e-9));
        // geometric mean in log space: housing / roads = sqrt(0.30·0.90) / sqrt(0.40·0.10)
        assertThat(blended[1] / blended[0]).isCloseTo(Math.sqrt(0.27 / 0.04), within(1e-9));
    }

    @Test
    void aRubricTheSmallModelLacksIsPushedDownNotRuledOut() {
        double[] topic = {0.30, 0.30, 0.30, 0.10};
        double[] blended = new TopicBlend(0.3).apply(TOPIC, topic, LOCAL, new double[] {0.6, 0.4}, 40);
        // ecology is unknown to the small model: it weighs as the small model's least likely rubric (0.4)
        assertThat(blended[2]).isPositive().isCloseTo(blended[0], within(1e-12));
        assertThat(blended[1]).isGreaterThan(blended[0]);
    }

    @Test
    void weightZeroIsTheTopicModelAloneAndWeightsOutsideTheUnitAreRefused() {
        double[] topic = {0.40, 0.30, 0.05, 0.25};
        assertThat(new TopicBlend(0).apply(TOPIC, topic, LOCAL, new double[] {0.99, 0.01}, 40)).containsExactly(topic);
        assertThatThrownBy(() -> new TopicBlend(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicBlend(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongAppealKeepsTheTopicModelsRubricAndAShortPostGetsTheBlend() {
        // the topic model reads roads, the posts' model housing_utilities: a short post is blended over to housing,
        // a long formal appeal worded the same way keeps the topic model's answer
        TopicBlend gated = new TopicBlend(0.5, 200);
        double[] topic = {0.45, 0.30, 0.05, 0.20};
        double[] local = {0.90, 0.10};
        String post = "во дворе яма на яме, машины по газону объезжают 😡";
        String appeal = "Здравствуйте! Обращаюсь к вам по поводу состояния внутридомовой территории нашего дома. "
                + "Во дворе многоквартирного дома по улице Демидовской уже третий год не ремонтируется асфальтовое "
                + "покрытие, ямы глубиной до двадцати сантиметров, автомобили объезжают их по газону. Прошу принять "
                + "меры и включить двор в программу благоустройства.";
        assertThat(TopicBlend.letters(post)).isLessThan(200);
        assertThat(TopicBlend.letters(appeal)).isGreaterThanOrEqualTo(200);
        double[] forPost = gated.apply(TOPIC, topic, LOCAL, local, TopicBlend.letters(post));
        assertThat(forPost[1]).isGreaterThan(forPost[0]);
        assertThat(forPost).containsExactly(new TopicBlend(0.5).apply(TOPIC, topic, LOCAL, local, 1));
        assertThat(gated.apply(TOPIC, topic, LOCAL, local, TopicBlend.letters(appeal))).containsExactly(topic);
    }

    @Test
    void theCueCountsLettersOnly() {
        assertThat(TopicBlend.letters("")).isZero();
        assertThat(TopicBlend.letters("Яма 12, д.5!!! 😡 ok")).isEqualTo(6);
    }

    @Test
    void linksAndMentionsDoNotMakeAPostLong() {
        String link = "https://vk.com/photo-123456_457239017?z=album-123456_00%2Frev&from=feed_wall_photos_full_view";
        String post = "@adm_tula уберите мусор у контейнеров " + link + " " + link + " www.tula.ru/news/"
                + "blagoustroystvo-dvorov-v-2026-godu";

        assertThat(TopicBlend.letters(post)).isEqualTo(TopicBlend.letters("уберите мусор у контейнеров")).isEqualTo(24);
        // a link glued to a word is one word and left out whole; a lone "@" or an e-mail's "@" is not a mention start
        assertThat(TopicBlend.letters("фото:https://vk.com/x мусор")).isEqualTo(5);
        assertThat(TopicBlend.letters("пишите mail@tula.ru")).isEqualTo(6 + 10);
    }

    @Test
    void aBlendIsWrittenAndReadAsWOrWAtLetters() {
        assertThat(TopicBlend.parse("0.3")).isEqualTo(new TopicBlend(0.3));
        assertThat(TopicBlend.parse("0.5@200")).isEqualTo(new TopicBlend(0.5, 200));
        assertThat(TopicBlend.parse(new TopicBlend(0.5, 200).spec())).isEqualTo(new TopicBlend(0.5, 200));
        assertThat(new TopicBlend(0.5).spec()).isEqualTo("0.50");
        assertThatThrownBy(() -> TopicBlend.parse("0.5@0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicBlend.parse("half")).isInstanceOf(IllegalArgumentException.class);
    }
}
