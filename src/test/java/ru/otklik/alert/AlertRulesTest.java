package ru.otklik.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private final AlertRules rules = new AlertRules(0.8, 10_000, 10, Duration.ofHours(1));

    private static AlertFacts post(double conflict, long reach) {
        return new AlertFacts(7, conflict, reach, null, 0, 0, null, 0);
    }

    @Test
    void aQuietPostRaisesNothing() {
        assertThat(rules.evaluate(post(0.3, 500))).isEmpty();
    }

    @Test
    void conflictAtTheThresholdRaisesAPostAlert() {
        List<AlertCandidate> alerts = rules.evaluate(post(0.8, 0));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.CONFLICT);
            assertThat(a.subjectType()).isEqualTo("post");
            assertThat(a.subjectId()).isEqualTo(7);
            assertThat(a.title()).isEqualTo("Конфликтный пост: оценка 0.80");
        });
        assertThat(rules.evaluate(post(0.79, 0))).isEmpty();
    }

    @Test
    void reachBelongsToThePostAloneOrToItsIncident() {
        assertThat(rules.evaluate(post(0, 12_345))).singleElement().satisfies(a -> {
            assertThat(a.subjectType()).isEqualTo("post");
            assertThat(a.title()).isEqualTo("Пост набрал охват 12\u202f345");
        });
        AlertFacts inIncident = new AlertFacts(7, 0, 12_345, 3L, 15_000, 1, null, 0);
        assertThat(rules.evaluate(inIncident)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.REACH);
            assertThat(a.subjectType()).isEqualTo("incident");
            assertThat(a.subjectId()).isEqualTo(3);
            assertThat(a.value()).isEqualTo(15_000);
        });
    }

    @Test
    void manyRecentPostsInAnIncidentOrAThreadAreGrowth() {
        AlertFacts f = new AlertFacts(7, 0, 10, 3L, 100, 10, 5L, 12);
        assertThat(rules.evaluate(f)).extracting(AlertCandidate::kind, AlertCandidate::subjectType, AlertCandidate::subjectId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertKind.GROWTH, "incident", 3L),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.GROWTH, "thread", 5L));
        assertThat(rules.evaluate(f).get(1).title()).isEqualTo("Быстро растущее обсуждение: 12 комментариев за 1 ч");
        assertThat(rules.evaluate(new AlertFacts(7, 0, 10, 3L, 100, 9, 5L, 9))).isEmpty();
    }
}
