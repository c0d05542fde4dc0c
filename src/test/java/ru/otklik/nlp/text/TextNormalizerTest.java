package ru.otklik.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer n = new TextNormalizer();

    @Test
    void stripsHtmlAndDecodesEntitiesAsInKurskExports() {
        NormalizedText t = n.normalize("<p>Во дворе&nbsp;дома №&nbsp;5 яма</p><p>Просим &laquo;срочно&raquo; помочь&amp;nbsp;!</p>");
        assertThat(t.clean()).isEqualTo("Во дворе дома № 5 яма Просим «срочно» помочь !");
    }

    @Test
    void keepsLessThanThatIsNotATag() {
        assertThat(n.normalize("температура < 18 градусов, а должно быть > 20").clean())
                .isEqualTo("температура < 18 градусов, а должно быть > 20");
    }

    @Test
    void foldsYoAndCaseButCleanKeepsThem() {
        NormalizedText t = n.normalize("Ещё Щёкино");
        assertThat(t.clean()).isEqualTo("Ещё Щёкино");
        assertThat(t.folded()).isEqualTo("еще щекино");
    }

    @Test
    void collapsesStretchedLettersButNotDoubleOnes() {
        assertThat(n.normalize("оооочень длинный ужасссс!!!!!!").folded()).isEqualTo("очень длинный ужас!!!");
    }

    @Test
    void replacesUrlsAndMentionsOpensHashtags() {
        String f = n.normalize("@ivan_petrov смотри https://vk.com/wall-1_2 и tula.ru/news #ЯмыНаДорогах #тула").folded();
        assertThat(f).isEqualTo(TextNormalizer.MENTION_WORD + " смотри " + TextNormalizer.URL_WORD + " и "
                + TextNormalizer.URL_WORD + " ямы на дорогах тула");
    }

    @Test
    void keepsEmojiAndCollapsesWhitespace() {
        assertThat(n.normalize("  опять\u00A0нет света 😡\n\n\tв доме ").clean()).isEqualTo("опять нет света 😡 в доме");
    }

    @Test
    void nullAndEmptyAreEmpty() {
        assertThat(n.normalize(null)).isEqualTo(new NormalizedText("", ""));
        assertThat(n.normalize("   ").folded()).isEmpty();
    }

    @Test
    void emailIsNotAMention() {
        assertThat(n.normalize("пишите на adm@tula.ru").folded()).doesNotContain(TextNormalizer.MENTION_WORD);
    }

    @Test
    void collapsesEveryKindOfSpaceAndLeavesCleanTextAlone() {
        assertThat(TextNormalizer.collapseSpaces("\uFEFFяма\u200B \u2003у\u202Fдома\u2028")).isEqualTo("яма у дома");
        String clean = "яма у дома, 3 недели";
        assertThat(TextNormalizer.collapseSpaces(clean)).isSameAs(clean);
        assertThat(TextNormalizer.collapseSpaces(" ")).isEmpty();
    }
}
