package ru.otklik.nlp.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TulaGazetteerTest {

    static TulaGazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = TulaGazetteer.load(Path.of("nlp-models/gazetteer/municipalities.tsv"));
    }

    @Test
    void findsTownsInOtherCases() {
        assertThat(gazetteer.find("Третий день нет воды в Новомосковске"))
                .extracting(PlaceMention::text, PlaceMention::municipality)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Новомосковске", "novomoskovsk"));
        assertThat(gazetteer.find("На Пролетарской в Туле опять яма")).extracting(PlaceMention::municipality)
                .containsExactly("tula");
    }

    @Test
    void namesThatLookLikeSurnamesKeepTheirCases() {
        for (String text : new String[] {"Живу в Ефремове", "Дорога на Ефремов", "Из Ефремова пишут", "За Ефремовом"}) {
            assertThat(gazetteer.find(text)).as(text).extracting(PlaceMention::municipality).containsExactly("efremov");
        }
        assertThat(gazetteer.find("Опять авария в Узловой")).extracting(PlaceMention::municipality)
                .containsExactly("uzlovskiy");
        assertThat(gazetteer.find("Новости из Плавска")).extracting(PlaceMention::municipality)
                .containsExactly("plavskiy");
    }

    @Test
    void findsDistrictsByTheirAdjective() {
        assertThat(gazetteer.find("Жители Щёкинского района жалуются на свалку"))
                .extracting(PlaceMention::text, PlaceMention::municipality)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Щёкинского района", "shchekinskiy"));
    }

    @Test
    void aTownMapsToItsDistrict() {
        assertThat(gazetteer.find("Автобус до Советска не пришёл")).extracting(PlaceMention::municipality)
                .containsExactly("shchekinskiy");
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
        assertThat(gazetteer.find("опять в новомосковске нет воды")).extracting(PlaceMention::municipality)
                .containsExactly("novomoskovsk");
        assertThat(gazetteer.find("из щекино до тулы не доехать")).extracting(PlaceMention::municipality)
                .containsExactly("shchekinskiy", "tula");
        assertThat(gazetteer.find("в теплом доме хорошо")).isEmpty();
    }

    @Test
    void aTownHeadingThePostIsAPlace() {
        assertThat(gazetteer.find("Тула, Оружейная, у 16 дома колесо уходит в колею под снегом"))
                .extracting(PlaceMention::text, PlaceMention::municipality)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Тула", "tula"));
        assertThat(gazetteer.find("Новомосковск. Маяковского 15, яма на дороге")).extracting(PlaceMention::municipality)
                .containsExactly("novomoskovsk");
        assertThat(gazetteer.find("тула, оружейная 16, яма у подъезда")).extracting(PlaceMention::municipality)
                .containsExactly("tula");
        assertThat(gazetteer.find("новомосковск — третий день нет воды")).extracting(PlaceMention::municipality)
                .containsExactly("novomoskovsk");
        assertThat(gazetteer.find("тула оружейная яма")).isEmpty();
        assertThat(gazetteer.find("г. алексин, ул. Мира, не горят фонари")).extracting(PlaceMention::municipality)
                .containsExactly("aleksin");
    }

    @Test
    void aCommonWordHeadingTheTextIsStillNoPlace() {
        assertThat(gazetteer.find("Узловая станция опять без света")).isEmpty();
        assertThat(gazetteer.find("тепло, светло, а в подъезде грязь")).isEmpty();
        assertThat(gazetteer.find("Черные мешки с мусором лежат у дороги")).isEmpty();
    }

    @Test
    void streetsNamedLikeTownsAreNotTowns() {
        assertThat(gazetteer.find("На Советской улице в Туле прорвало трубу")).extracting(PlaceMention::municipality)
                .containsExactly("tula");
        assertThat(gazetteer.find("ул. Донская, дом 5, Алексин")).extracting(PlaceMention::municipality)
                .containsExactly("aleksin");
        assertThat(gazetteer.find("На Советской в Туле прорвало трубу, Советскую перекрыли"))
                .extracting(PlaceMention::municipality).containsExactly("tula");
        assertThat(gazetteer.find("Живу в Советске, на Донской улице")).extracting(PlaceMention::municipality)
                .containsExactly("shchekinskiy");
        assertThat(gazetteer.find("у речки за Тёплым горы пакетов, а в Тёпло-Огарёвской ЦРБ нет терапевта"))
                .extracting(PlaceMention::municipality).containsExactly("teplo-ogarevskiy", "teplo-ogarevskiy");
        assertThat(gazetteer.find("КОГДА ДАДУТ ТЕПЛО НА ВОЛОДАРСКОГО, УГЛЫ ЧЁРНЫЕ")).isEmpty();
    }

    @Test
    void inflectedDistrictAndTownForms() {
        assertThat(gazetteer.find("Жителям Узловского района и Узловой обещали ремонт"))
                .extracting(PlaceMention::municipality).containsExactly("uzlovskiy", "uzlovskiy");
        assertThat(gazetteer.find("В Ефремове и под Богородицком")).extracting(PlaceMention::municipality)
                .containsExactly("efremov", "bogoroditskiy");
    }
}
