package ru.otklik.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import opennlp.tools.util.Span;

class EntityFinderTest {

    @Test
    void aCapitalAfterTheFirstWordMayBeAName() {
        assertThat(inner("Яма на улице Пролетарской в Туле.")).isTrue();
        assertThat(inner("Спасибо администрации («Тулгорэлектротранс») за ответ")).isTrue();
    }

    @Test
    void sentencesWithoutOneAreSkipped() {
        assertThat(inner("Здравствуйте, у нас во дворе яма.")).isFalse();
        assertThat(inner("   Просим принять меры")).isFalse();
        assertThat(inner("нет света уже неделю, ПОМОГИТЕ")).isTrue();
        assertThat(inner("")).isFalse();
    }

    @Test
    void onlyTheGivenSentenceIsLookedAt() {
        String text = "Яма во дворе. Пишем в Тулу.";
        assertThat(EntityFinder.hasInnerCapital(text, new Span(0, 13))).isFalse();
        assertThat(EntityFinder.hasInnerCapital(text, new Span(14, text.length()))).isTrue();
    }

    private static boolean inner(String sentence) {
        return EntityFinder.hasInnerCapital(sentence, new Span(0, sentence.length()));
    }
}
