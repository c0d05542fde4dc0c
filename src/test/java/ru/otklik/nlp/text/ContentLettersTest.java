package ru.otklik.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Content letters on real texts: the three real tweets the shipped decision flagged with almost no words
 * (docs/nlp.md, "The final retrain with labellers O–R") and the labelled set's shortest incidents.
 */
class ContentLettersTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            // the flagged real tweets: a run of one letter is one sound
            "нет;3",
            "ааааа;1",
            "Ааааа.;1",
            // the labelled set's shortest incidents keep their letters; a link and shouting marks are not content
            "ВЫВЕЗИТЕ!!!!!;8",
            "уберите!!! vk.com/photo-1_2;7",
            "уберите!! https://vk.com/photo-1_456239017;7",
            // a doubled letter in a word counts once too («сс»), ё is е
            "ёлки, ещё ссылка www.tula.ru;12",
            // a VK mention and an @mention are only an address
            "[club123|Администрация Тулы], когда?;5",
            "@tula_gov нет света;8",
            // emoji, digits and punctuation are not letters
            "😡😡😡 114!!!;0",
            "'';0",
    })
    void countsLettersOfContent(String text, int letters) {
        assertThat(ContentLetters.count(text, Integer.MAX_VALUE)).as(text).isEqualTo(letters);
        assertThat(ContentLetters.atLeast(text, letters)).isTrue();
        assertThat(ContentLetters.atLeast(text, letters + 1)).isFalse();
        assertThat(ContentLetters.atLeast(text, 0)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"во дворе не горят фонари уже месяц, 4", "ВЫВЕЗИТЕ!!!!!, 6"})
    void theCountStopsAtItsCap(String text, int cap) {
        assertThat(ContentLetters.count(text, cap)).isEqualTo(cap);
    }
}
