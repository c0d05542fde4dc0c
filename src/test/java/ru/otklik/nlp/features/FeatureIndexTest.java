package ru.otklik.nlp.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FeatureIndexTest {

    @Test
    void givesEveryFeatureOfTheVocabulariesOneIdAndItsExactName() {
        // a character n-gram of a post with an emoji can end in half of its surrogate pair
        String halfEmoji = "c=ок" + "\uD83D";
        FeatureIndex index = FeatureIndex.of(List.of(
                List.of("w=дорог", "c=дор", halfEmoji, ""),
                List.of("c=дор", "w=яма", "w=дорог_ремонт")));

        assertThat(index.size()).isEqualTo(6);
        List<String> all = List.of("w=дорог", "c=дор", halfEmoji, "", "w=яма", "w=дорог_ремонт");
        for (int id = 0; id < all.size(); id++) {
            assertThat(index.id(all.get(id))).isEqualTo(id);
            assertThat(index.name(id)).isEqualTo(all.get(id));
        }
        assertThat(index.id(FeatureHash.update(FeatureHash.of("w="), "дорог"))).as("a hash built as the extractor does")
                .isEqualTo(0);
        assertThat(index.id("w=мост")).isEqualTo(-1);
    }
}
