package ru.otklik.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final Instant START = Instant.parse("2026-11-20T07:00:00Z");
    private static final Instant DUE = START.plus(Duration.ofDays(10));

    private static Deadline at(Duration elapsed) {
        return new Deadline(DUE, START, START.plus(elapsed), false);
    }

    @Test
    void colourFollowsTheShareOfTimeLeft() {
        assertThat(at(Duration.ofDays(1)).level()).isEqualTo("ok");
        assertThat(at(Duration.ofDays(8)).level()).isEqualTo("warning");
        assertThat(at(Duration.ofHours(9 * 24 + 12)).level()).isEqualTo("critical");
        assertThat(at(Duration.ofDays(10)).level()).isEqualTo("overdue");
        assertThat(new Deadline(DUE, START, DUE.plusSeconds(60), true).level()).isEqualTo("done");
    }

    @Test
    void textSaysHowMuchIsLeftOrHowLateInTheTwoLargestUnits() {
        assertThat(at(Duration.ofHours(20)).text()).isEqualTo("осталось 9 д 4 ч");
        assertThat(at(Duration.ofDays(9).plusHours(22).plusMinutes(30)).text()).isEqualTo("осталось 1 ч 30 мин");
        assertThat(at(Duration.ofDays(10).plusMinutes(35)).text()).isEqualTo("просрочено на 35 мин");
        assertThat(at(Duration.ofDays(13)).text()).isEqualTo("просрочено на 3 д");
        assertThat(new Deadline(DUE, START, START, true).text()).isEqualTo("срок остановлен");
    }
}
