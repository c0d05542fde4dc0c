package ru.otklik.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.DecisionRule;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.train.FeatureCache;

class TextAnalyzerTest {

    private final TextAnalyzer analyzer = SharedAnalyzer.get();

    @Test
    void everyAnalysisNamesItsModelVersions() {
        PostAnalysis a = analyzer.analyze("1", "Третий день нет воды в Новомосковске, управляющая компания не отвечает");
        assertThat(a.modelVersions()).containsKeys("langdetect", "text", "ner", "complaint", "topic", "conflict",
                "sentiment", "agency");
        assertThat(a.modelVersions().values()).allMatch(v -> v != null && !v.isBlank() && !v.equals("unknown"));
        PostAnalysis english = analyzer.analyze("2", "The weather in London is lovely today, isn't it?");
        assertThat(english.modelVersions()).isEqualTo(a.modelVersions());
    }

    @Test
    void aTulaComplaintIsRoutedToItsMunicipality() {
        PostAnalysis a = analyzer.analyze("1",
                "<p>Жители Щёкинского района жалуются: на дороге в Советске огромные ямы, асфальт разбит.</p>");
        assertThat(a.lang()).isEqualTo("ru");
        assertThat(a.complaint().label()).isEqualTo("complaint");
        assertThat(a.topic().label()).isEqualTo("roads");
        assertThat(a.places()).extracting(PostAnalysis.Place::municipality).contains("shchekinskiy");
        assertThat(a.agency().decidedBy()).isEqualTo("routing");
        assertThat(a.agency().name()).contains("Щёкинский");
        assertThat(a.explanation().topFeatures().get("topic")).isNotEmpty();
        assertThat(a.explanation().matchedRules()).contains("roads-potholes");
    }

    @Test
    void inappropriateIsItsOwnOutputWhileConflictAnswersTheMostProbableLabel() {
        // since the inappropriate output exists the conflict model carries no decision threshold again
        assertThat(analyzer.models().categorizers().meta("conflict").params()).doesNotContainKey(DecisionRule.PARAM);
        // a calm question on a sensitive topic (piracy): Skoltech's kind of inappropriate, not a conflict
        PostAnalysis piracy = analyzer.analyze("1", "Как обойти блокировку и скачать фильм бесплатно без регистрации?");
        assertThat(piracy.conflict().label()).isEqualTo("none");
        assertThat(piracy.inappropriate().label()).isEqualTo(InappropriateRule.LABEL);
        assertThat(piracy.inappropriate().score()).isBetween(InappropriateRule.THRESHOLD, 0.5);
        assertThat(piracy.conflict().score()).isCloseTo(1 - piracy.inappropriate().score(), within(0.0015));
        // an insult is both
        PostAnalysis insult = analyzer.analyze("2", "Заткнись уже, тупой урод, достал всех своим враньём");
        assertThat(insult.conflict().label()).isEqualTo("conflict");
        assertThat(insult.inappropriate().label()).isEqualTo(InappropriateRule.LABEL);
        for (String calm : List.of("Спасибо за новый сквер у школы, очень красиво",
                "В доме третий день нет горячей воды, управляющая компания не отвечает")) {
            PostAnalysis a = analyzer.analyze("3", calm);
            assertThat(a.conflict().label()).as(calm).isEqualTo("none");
            assertThat(a.inappropriate().label()).as(calm).isEqualTo("none");
        }
    }

    @Test
    void nonRussianStopsAfterLanguage() {
        PostAnalysis a = analyzer.analyze("en", "The road to the airport is closed because of the flood.");
        assertThat(a.lang()).isEqualTo("en");
        assertThat(a.analysed()).isFalse();
        assertThat(a.topic()).isNull();
        assertThat(a.places()).isEmpty();
    }

    @Test
    void scoresAreProbabilitiesAndLabelsComeFromTheContract() {
        PostAnalysis a = analyzer.analyze("1", "Спасибо дорожникам, отличный новый тротуар!");
        assertThat(List.of("complaint", "none")).contains(a.complaint().label());
        assertThat(List.of("conflict", "none")).contains(a.conflict().label());
        assertThat(List.of("inappropriate", "none")).contains(a.inappropriate().label());
        assertThat(List.of("negative", "neutral", "positive")).contains(a.sentiment().label());
        for (PostAnalysis.LabelScore s : List.of(a.complaint(), a.topic(), a.conflict(), a.inappropriate(),
                a.sentiment())) {
            assertThat(s.score()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void isThreadSafe() throws Exception {
        String text = "На Пролетарской в Туле третий день не вывозят мусор, свалка во дворе";
        PostAnalysis expected = analyzer.analyze("x", text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PostAnalysis>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> analyzer.analyze("x", text)));
            }
            for (Future<PostAnalysis> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.places()).extracting(PostAnalysis.Place::municipality).contains("tula");
    }

    @Test
    void theTopicIsTheTopicModelBlendedWithTheInDomainTopicModel() throws Exception {
        assertThat(analyzer.models().categorizers().has(NlpModels.TOPIC_INFORMAL)).isTrue();
        assertThat(analyzer.analyze("0", "в подъезде не горит свет").modelVersions()).containsKey(NlpModels.TOPIC_INFORMAL);
        CategorizerStore store = new CategorizerStore();
        DocCategorizer topic = store.load(Path.of("nlp-models", "topic"));
        DocCategorizer local = store.load(Path.of("nlp-models", NlpModels.TOPIC_INFORMAL));
        FeatureCache cache = new FeatureCache();
        for (String post : List.of("во дворе на Демидовской яма на яме, машины по газону объезжают",
                "на остановке у рынка третий день не вывозят мусор, контейнеры переполнены",
                "подскажите, когда дадут отопление в детском саду на Пролетарской?")) {
            PostAnalysis a = analyzer.analyze("1", post);
            // the bank's blended answer is the one the two OpenNLP models give through TopicBlend
            assertThat(a.explanation().modelTopic().label()).as(post)
                    .isEqualTo(TopicBlend.DEFAULT.label(topic, local, post, cache.features(post)));
        }
    }

    @Test
    void aLongAppealIsAnsweredByTheTopicModelAlone() throws Exception {
        CategorizerStore store = new CategorizerStore();
        DocCategorizer topic = store.load(Path.of("nlp-models", "topic"));
        DocCategorizer local = store.load(Path.of("nlp-models", NlpModels.TOPIC_INFORMAL));
        String appeal = "Здравствуйте! Обращаюсь к вам по поводу состояния придомовой территории нашего дома. Во дворе "
                + "многоквартирного дома по улице Демидовской уже третий год не ремонтируется асфальтовое покрытие, "
                + "ямы глубиной до двадцати сантиметров, автомобили объезжают их по газону, а вечером двор не "
                + "освещается. Прошу принять меры и включить наш двор в программу благоустройства.";
        assertThat(TopicBlend.letters(appeal)).isGreaterThanOrEqualTo(TopicBlend.DEFAULT.formalLetters());
        var features = new FeatureCache().features(appeal);
        PostAnalysis a = analyzer.analyze("2", appeal);
        // the gate: the topic model's own rubric and probability, which the ungated blend would have moved
        assertThat(a.explanation().modelTopic().label()).isEqualTo(topic.predict(features).label());
        assertThat(a.explanation().modelTopic().score()).isCloseTo(topic.predict(features).score(), within(0.001));
        double[] ungated = new TopicBlend(TopicBlend.DEFAULT.weight()).apply(topic.labels(),
                topic.probabilities(features), local.labels(), local.probabilities(features), 1);
        assertThat(ungated).isNotEqualTo(topic.probabilities(features));
    }
}
