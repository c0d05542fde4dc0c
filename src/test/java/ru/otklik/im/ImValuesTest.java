package ru.otklik.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The lenient readings of an export's cells. */
class ImValuesTest {

    @Test
    void datesInEveryFormAnExportHasAreMoscowTimes() {
        Instant t = Instant.parse("2024-03-05T07:15:00Z");
        assertThat(ImValues.instant("05.03.2024 10:15:00")).contains(t);
        assertThat(ImValues.instant("05.03.2024 10:15")).contains(t);
        assertThat(ImValues.instant("5.3.2024 10:15")).contains(t);
        assertThat(ImValues.instant("2024-03-05T10:15")).contains(t);
        assertThat(ImValues.instant("2024-03-05T10:15:00+03:00")).contains(t);
        assertThat(ImValues.instant("'05.03.2024 10:15")).contains(t);
        assertThat(ImValues.instant("05.03.2024")).contains(Instant.parse("2024-03-04T21:00:00Z"));
        assertThat(ImValues.instant("32.13.2024 25:00")).isEmpty();
        assertThat(ImValues.instant("вчера")).isEmpty();
    }

    @Test
    void workingTimeAsHoursClockOrWords() {
        assertThat(ImValues.workingTime("5.25")).contains(Duration.ofMinutes(315));
        assertThat(ImValues.workingTime("5,25")).contains(Duration.ofMinutes(315));
        assertThat(ImValues.workingTime("05:15")).contains(Duration.ofMinutes(315));
        assertThat(ImValues.workingTime("5:15:30")).contains(Duration.ofSeconds(315 * 60 + 30));
        assertThat(ImValues.workingTime("5 ч 15 мин")).contains(Duration.ofMinutes(315));
        assertThat(ImValues.workingTime("1 д 2 ч")).contains(Duration.ofHours(26));
        assertThat(ImValues.workingTime("40 мин")).contains(Duration.ofMinutes(40));
        assertThat(ImValues.workingTime("-1")).isEmpty();
        assertThat(ImValues.workingTime("долго")).isEmpty();
    }

    @Test
    void typesAndVerdicts() {
        assertThat(ImValues.incidentType("Решаемый")).contains("problem");
        assertThat(ImValues.incidentType(" информационный ")).contains("question");
        assertThat(ImValues.incidentType("Другой")).isEmpty();
        assertThat(ImValues.yesNo("Да")).contains(true);
        assertThat(ImValues.yesNo("НЕТ")).contains(false);
        assertThat(ImValues.yesNo("")).isEmpty();
    }

    @Test
    void textsLoseTheSpreadsheetsApostropheMentionsAndTags() {
        assertThat(ImText.clean("'[club123|Администрация Тулы], нет света<br>уже неделю 😡<br/>&quot;Помогите&quot;"))
                .isEqualTo("Администрация Тулы, нет света\nуже неделю 😡\n\"Помогите\"");
        assertThat(ImColumn.of("  \"ТЕКСТ ИНЦИДЕНТА\" ")).isEqualTo(ImColumn.TEXT);
        assertThat(ImColumn.of("\uFEFFID")).isEqualTo(ImColumn.ID);
        assertThat(ImColumn.of("Аудитория")).isNull();
    }
}
