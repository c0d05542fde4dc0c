package ru.otklik.nlp.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private final FeatureExtractor fx = new FeatureExtractor();

    @Test
    void stemsUnigramsBigramsAndCharNgrams() {
        Features f = fx.extract("ямы на дорогах");
        assertThat(f.counts()).containsKeys("w=ям", "w=на", "w=дорог", "b=ям_на", "b=на_дорог", "c= я", "c=ямы ",
                "c=дорог");
    }

    @Test
    void charNgramsNeverCutAnEmojisSurrogatePairSoEveryNameSurvivesASavedVocabulary(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws java.io.IOException {
        Features f = fx.extract("опять яма 😡😡 [club1|Администрация] 🙏");
        assertThat(f.counts().keySet()).contains("c=😡");
        assertThat(f.counts().keySet()).allMatch(name -> name.codePoints().noneMatch(
                cp -> Character.isSurrogate((char) cp) && cp <= Character.MAX_VALUE));
        TfIdfVectorizer fitted = TfIdfVectorizer.fit(List.of(f), 1, 1000);
        java.nio.file.Path file = dir.resolve("idf.tsv.gz");
        fitted.save(file);
        assertThat(TfIdfVectorizer.load(file).idf()).isEqualTo(fitted.idf());
    }

    @Test
    void inflectedFormsShareTheirWordFeature() {
        assertThat(fx.extract("яма").counts()).containsKey("w=ям");
        assertThat(fx.extract("ямах").counts()).containsKey("w=ям");
    }

    @Test
    void numbersCollapseToOneToken() {
        Features f = fx.extract("дом 22 и дом 47");
        assertThat(f.counts().get("w=<num>")).isEqualTo(2);
        assertThat(f.counts().keySet()).noneMatch(k -> k.startsWith("c=") && k.contains("2"));
    }

    @Test
    void tfIdfIsL2NormalisedWithBias() {
        TfIdfVectorizer v = TfIdfVectorizer.fit(List.of(fx.extract("яма яма дорога"), fx.extract("мусор во дворе")), 1, 1000);
        WeightedContext c = v.transform(fx.extract("яма яма дорога"));
        double norm = 0;
        for (int i = 0; i < c.names().length; i++) {
            if (!c.names()[i].equals(TfIdfVectorizer.BIAS)) {
                norm += c.values()[i] * c.values()[i];
            }
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(c.names()).contains(TfIdfVectorizer.BIAS);
        assertThat(v.transform(new Features(Map.of("w=незнакомое", 1))).names()).containsExactly(TfIdfVectorizer.BIAS);
    }

    @Test
    void trainingSeesFeaturesInNameOrderWhateverTheMapGave() {
        // the order reaches the optimiser; an order that changes between JVMs changed the trained model
        Features f = new Features(Map.of("w=яма", 2, "c=ям", 1, "b=яма_двор", 1, "w=двор", 1));
        assertThat(f.counts().keySet()).containsExactly("b=яма_двор", "c=ям", "w=двор", "w=яма");
        TfIdfVectorizer v = TfIdfVectorizer.fit(List.of(f), 1, 1000);
        assertThat(v.transform(f).names()).startsWith("b=яма_двор", "c=ям", "w=двор", "w=яма");
    }

    @Test
    void indexedExtractionCountsWhatTheNamedOneDoes() {
        String text = "ямы ямы на дорогах, дом 22 — ссылкаurl оооочень плохо((( спасибо)))";
        Map<String, Integer> named = fx.extract(text).counts();
        FeatureIndex index = FeatureIndex.of(List.of(named.keySet(), Set.of("w=другое")));

        IndexedFeatures indexed = fx.extract(text, index);

        Map<String, Integer> back = new HashMap<>();
        for (int i = 0; i < indexed.size(); i++) {
            back.put(index.name(indexed.ids()[i]), indexed.counts()[i]);
        }
        assertThat(back).isEqualTo(named);
        assertThat(back.get("w=ям")).isEqualTo(2);
        assertThat(back).containsKeys("p=(((", "p=)))", "p=,");
    }

    @Test
    void punctuationBetweenWordsIsAFeatureWithRepeatsCapped() {
        Map<String, Integer> counts = fx.extract("ура))))))) опять отключили свет((( что?! :( ...").counts();
        assertThat(counts).containsEntry("p=)))", 1).containsEntry("p=(((", 1).containsEntry("p=?!", 1)
                .containsEntry("p=:(", 1).containsEntry("p=...", 1);
        assertThat(counts.keySet().stream().filter(k -> k.startsWith("p="))).hasSize(5);
        assertThat(fx.extract("слово слово").counts().keySet()).noneMatch(k -> k.startsWith("p="));
    }

    @Test
    void indexedExtractionDropsFeaturesNoModelKnows() {
        FeatureIndex index = FeatureIndex.of(List.of(Set.of("w=ям", "c=дорог")));

        IndexedFeatures indexed = fx.extract("яма на дороге и на дорогах", index);

        assertThat(indexed.size()).isEqualTo(2);
        assertThat(index.name(indexed.ids()[0])).isIn("w=ям", "c=дорог");
        assertThat(fx.extract("ничего общего", index).size()).isZero();
    }
}
