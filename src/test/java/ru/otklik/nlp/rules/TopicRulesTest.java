package ru.otklik.nlp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicRulesTest {

    static TopicRules rules;

    @BeforeAll
    static void load() {
        rules = TopicRules.load(Path.of("nlp-models/rules/topics.tsv"));
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    /**
     * Every shipped rule, topic and incident alike, is matched with its query rewritten at load
     * ({@link RewrittenRules}): a rule written so that its rewrite reads the post (a fuzzy term, say) would be
     * rewritten again for every post, as slow as before, and should be seen here first.
     */
    @Test
    void everyShippedRuleIsRewrittenOnceAtLoad() {
        try (TopicRules all = TopicRules.load(Path.of("nlp-models/rules/topics.tsv"),
                Path.of("nlp-models/rules/incidents.tsv"))) {
            assertThat(all.rewrittenOnce()).isEqualTo(all.size());
        }
        TopicRules.Rule rule = new TopicRules.Rule("fuzzy", "roads", "яма~1 AND дорога", 0);
        try (TopicRules fuzzy = TopicRules.of(List.of(rule), "test")) {
            assertThat(fuzzy.rewrittenOnce()).as("a fuzzy term's rewrite lists the post's terms").isZero();
            assertThat(fuzzy.match("на дороге ямы")).extracting(RuleMatch::ruleId).containsExactly("fuzzy");
        }
    }

    @Test
    void matchesInflectedFormsThroughStems() {
        List<RuleMatch> matches = rules.match("На дороге огромные ямы и сплошные выбоины, вечером не горят фонари");
        assertThat(matches).extracting(RuleMatch::label).containsOnly("roads", "housing_utilities");
        assertThat(TopicRules.bestLabel(rules.match("На трассе огромные ямы и сплошные выбоины"))).contains("roads");
    }

    /** The guideline's boundaries (docs/incident-guideline.md, "Topic"), each checked both ways. */
    @Test
    void yardsAndPavementsAreHousingRoadsAreRoads() {
        assertWinner("во дворе на Новомосковской асфальт весь в ямах", "housing_utilities");
        assertWinner("двор не чистят от снега, бабушки не могут выйти", "housing_utilities");
        assertWinner("тротуары не посыпают, гололёд, люди падают", "housing_utilities");
        assertWinner("проезд на Березовой с Нового года не чистят, машины буксуют", "roads");
        assertWinner("на дороге к заводу снег не убирают, гололёд", "roads");
    }

    @Test
    void containerSitesAreEcologyAndSewageStenchIsHousing() {
        assertWinner("мусор не вывозят неделю, баки переполнены", "ecology");
        assertWinner("контейнерная площадка на Седова — помойка, крысы бегают", "ecology");
        assertWinner("неделю воняет канализацией у дома, дышать нечем", "housing_utilities");
    }

    @Test
    void aPublicBuildingKeepsItsRubric() {
        assertWinner("в библиотеке протекает крыша, книги в тазиках", "culture");
        assertWinner("в садике на Мира крыша течёт в группе", "education");
        assertWinner("в доме на Мира крыша течёт третий год", "housing_utilities");
        assertWinner("школьный автобус в Архангельском не ходит с понедельника", "education");
    }

    @Test
    void familyBenefitsAreSocialProtectionSubsidiesSupportMeasures() {
        assertWinner("отказали в пособии на ребёнка без объяснения причин", "social_protection");
        assertWinner("субсидию фермерам так и не выплатили, уже полгода", "support_measures");
    }

    /** The topic most rules vote for. */
    private static void assertWinner(String text, String topic) {
        assertThat(TopicRules.bestLabel(rules.match(text))).as(text).contains(topic);
    }

    @Test
    void phraseRulesNeedTheWholePhrase() {
        assertThat(TopicRules.bestLabel(rules.match("Стая бродячих собак бросается на детей у школы")))
                .contains("animals");
        assertThat(rules.match("Собака соседа лает по ночам")).isEmpty();
    }

    @Test
    void yoAndYeAreTheSame() {
        assertThat(rules.match("На дорогах гололёд, никто не посыпает")).extracting(RuleMatch::label).contains("roads");
    }

    @Test
    void subjectsWithoutAProblemMatchNothing() {
        assertThat(rules.match("Министр обороны встретился с коллегой и обсудил сотрудничество")).isEmpty();
        assertThat(rules.match("Страны G7 договорились о потолке цен на нефть")).isEmpty();
        assertThat(rules.match("В школе прошла олимпиада, автобус довёз детей вовремя")).isEmpty();
    }

    @Test
    void objectAndProblemTogetherMatch() {
        assertThat(TopicRules.bestLabel(rules.match("Автобус 18 не пришёл, ждали час на морозе"))).contains("transport");
        assertThat(TopicRules.bestLabel(rules.match("Управляющая компания ничего не делает, подъезд в грязи")))
                .contains("housing_utilities");
    }

    @Test
    void everyRubricTopicHasARule() {
        List<String> topics = ru.otklik.common.TsvFile.read(Path.of("nlp-models/rules/rubric.tsv"), 2).stream()
                .map(r -> r.get(0)).toList();
        assertThat(topics).hasSize(16);
        List<String> covered = ru.otklik.common.TsvFile.read(Path.of("nlp-models/rules/topics.tsv"), 3).stream()
                .map(r -> r.get(1)).distinct().toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(topics);
    }

    @Test
    void aBadQueryNamesTheRule() {
        assertThatThrownBy(() -> TopicRules.of(List.of(new TopicRules.Rule("broken", "roads", "яма AND (", 0)), "test"))
                .hasMessageContaining("broken");
    }
}
