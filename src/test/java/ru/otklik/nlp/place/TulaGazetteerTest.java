package ru.otklik.nlp.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TulaGazetteerTest {

    static TulaGazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = TulaGazetteer.load(Path.of("nlp-models/gazetteer/municipalities.tsv"));
    }

    /** The municipalities of a text's mentions, left to right. */
    private static List<String> municipalities(String text) {
        return gazetteer.find(text).stream().map(PlaceMention::municipality).toList();
    }

    /** A text's mentions as "words → municipality", left to right. */
    private static List<String> mentions(String text) {
        return gazetteer.find(text).stream().map(m -> m.text() + " → " + m.municipality()).toList();
    }

    @Test
    void findsTownsInOtherCases() {
        assertThat(mentions("Третий день нет воды в Новомосковске")).containsExactly("Новомосковске → novomoskovsk");
        assertThat(municipalities("На Пролетарской в Туле опять яма")).containsExactly("tula");
    }

    @Test
    void namesThatLookLikeSurnamesKeepTheirCases() {
        for (String text : new String[] {"Живу в Ефремове", "Дорога на Ефремов", "Из Ефремова пишут", "За Ефремовом"}) {
            assertThat(gazetteer.find(text)).as(text).extracting(PlaceMention::municipality).containsExactly("efremov");
        }
        assertThat(municipalities("Опять авария в Узловой")).containsExactly("uzlovskiy");
        assertThat(municipalities("Новости из Плавска")).containsExactly("plavskiy");
    }

    @Test
    void findsDistrictsByTheirAdjective() {
        assertThat(mentions("Жители Щёкинского района жалуются на свалку"))
                .containsExactly("Щёкинского района → shchekinskiy");
    }

    @Test
    void aTownMapsToItsDistrict() {
        assertThat(municipalities("Автобус до Советска не пришёл")).containsExactly("shchekinskiy");
    }

    @Test
    void commonWordsSharingAStemAreNotPlaces() {
        assertThat(gazetteer.find("В квартире не тепло, батареи чёрные и холодные")).isEmpty();
        assertThat(gazetteer.find("Тепло дали только вчера")).isEmpty();
    }

    @Test
    void theMostMentionedMunicipalityWins() {
        var mentions = gazetteer.find("Из Алексина в Тулу и обратно в Алексин автобусы ходят редко");
        assertThat(TulaGazetteer.municipalityOf(mentions)).contains("aleksin");
    }

    @Test
    void lowerCaseTownAfterAPreposition() {
        assertThat(municipalities("опять в новомосковске нет воды")).containsExactly("novomoskovsk");
        assertThat(municipalities("из щекино до тулы не доехать")).containsExactly("shchekinskiy", "tula");
        assertThat(gazetteer.find("в теплом доме хорошо")).isEmpty();
    }

    @Test
    void aTownHeadingThePostIsAPlace() {
        assertThat(mentions("Тула, Оружейная, у 16 дома колесо уходит в колею под снегом"))
                .containsExactly("Тула → tula");
        assertThat(municipalities("Новомосковск. Маяковского 15, яма на дороге")).containsExactly("novomoskovsk");
        assertThat(municipalities("тула, оружейная 16, яма у подъезда")).containsExactly("tula");
        assertThat(municipalities("новомосковск — третий день нет воды")).containsExactly("novomoskovsk");
        assertThat(gazetteer.find("тула оружейная яма")).isEmpty();
        assertThat(municipalities("г. алексин, ул. Мира, не горят фонари")).containsExactly("aleksin");
    }

    @Test
    void aCommonWordHeadingTheTextIsStillNoPlace() {
        assertThat(gazetteer.find("Узловая станция опять без света")).isEmpty();
        assertThat(gazetteer.find("тепло, светло, а в подъезде грязь")).isEmpty();
        assertThat(gazetteer.find("Черные мешки с мусором лежат у дороги")).isEmpty();
    }

    @Test
    void streetsNamedLikeTownsAreNotTowns() {
        assertThat(municipalities("На Советской улице в Туле прорвало трубу")).containsExactly("tula");
        assertThat(municipalities("ул. Донская, дом 5, Алексин")).containsExactly("aleksin");
        assertThat(municipalities("На Советской в Туле прорвало трубу, Советскую перекрыли")).containsExactly("tula");
        assertThat(municipalities("Живу в Советске, на Донской улице")).containsExactly("shchekinskiy");
        assertThat(municipalities("у речки за Тёплым горы пакетов, а в Тёпло-Огарёвской ЦРБ нет терапевта"))
                .containsExactly("teplo-ogarevskiy", "teplo-ogarevskiy");
        assertThat(gazetteer.find("КОГДА ДАДУТ ТЕПЛО НА ВОЛОДАРСКОГО, УГЛЫ ЧЁРНЫЕ")).isEmpty();
    }

    @Test
    void inflectedDistrictAndTownForms() {
        assertThat(municipalities("Жителям Узловского района и Узловой обещали ремонт"))
                .containsExactly("uzlovskiy", "uzlovskiy");
        assertThat(municipalities("В Ефремове и под Богородицком")).containsExactly("efremov", "bogoroditskiy");
    }
}
