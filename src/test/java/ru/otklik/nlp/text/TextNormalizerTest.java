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

    @Test
    void dropsIds() {
        NormalizedText t = n.normalize("Яма у дома 5 feeds-3F2A9C1E-77B0-4D21-9A3E-0C5B8D6E4F10 ключ a3f9c2e1, k3j9x2q7!");
        assertThat(t.clean()).isEqualTo("Яма у дома 5 feeds- ключ , !");
        assertThat(t.folded()).isEqualTo("яма у дома 5 feeds- ключ , !");
        assertThat(n.normalize("t-3f2a9c1e0b7d").folded()).isEqualTo("t-");
        assertThat(n.normalize("нет воды 7c9e6679-7425-40de-944b-e07fc1f90ae7").clean()).isEqualTo("нет воды");
    }

    @Test
    void leavesIdsInLinksAndAddressesToTheLinkRules() {
        String links = "фото https://example.org/a3f9c2e1/page и x.ru/?id=a3f9c2e1b7 пишите a3f9c2e1@mail.ru, "
                + "https://gorod.gov.spb.ru/problems/?e_uid=ccbbdd2a-e872-4e6d-90af-5cf0c524bf8a&delo_id=1540005";
        assertThat(n.normalize(links).clean()).isEqualTo(links);
        assertThat(n.normalize("фото https://vk.com/wall-1_2 ключ a3f9c2e1").clean()).isEqualTo("фото https://vk.com/wall-1_2 ключ");
    }

    @Test
    void keepsWordsWithDigitsNumbersAndDates() {
        String kept = "[club187712|администрация] id4412 автобус 5а и 114, м-2, а123вс71 covid19 gtx1060 rtx3080ti "
                + "mp3 5g 12.05.2024 в 9:30, тел. 8-910-123-45-67 89101234567 deadbeef 1234567890";
        assertThat(n.normalize(kept).folded()).isEqualTo(kept);
    }
}
