package ru.otklik.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.tartarus.snowball.ext.RussianStemmer;

import ru.otklik.nlp.rules.StemFilter;

class RussianStemsTest {

    private static final String TEXT = "Третий месяц во дворах Новомосковска не вывозят мусор, ямы на дорогах "
            + "и улицах, в подъездах темно; управляющая компания не отвечает на звонки и обращения жителей. "
            + "Спасибо, что починили! Road works 2026";

    @Test
    void stemsAreSnowballsAndStayTheSameOnceRemembered() {
        RussianStemmer snowball = new RussianStemmer();
        for (String word : List.of("дорогах", "дороги", "новомосковска", "обращения", "road", "2026", "", "ё")) {
            snowball.setCurrent(word);
            snowball.stem();
            assertThat(RussianStems.of(word)).as(word).isEqualTo(snowball.getCurrent());
            assertThat(RussianStems.of(word)).as(word + ", again").isEqualTo(snowball.getCurrent());
        }
    }

    @Test
    void aFullTableIsEmptiedAndKeepsStemming() {
        for (int i = 0; i <= RussianStems.CAPACITY; i++) {
            RussianStems.of("слово" + i);
            assertThat(RussianStems.remembered()).isLessThanOrEqualTo(RussianStems.CAPACITY);
        }
        assertThat(RussianStems.remembered()).as("emptied when full, then refilled").isLessThan(RussianStems.CAPACITY);
        assertThat(RussianStems.of("дорогах")).isEqualTo("дорог");
        assertThat(RussianStems.of("улицами")).isEqualTo("улиц");
    }

    @Test
    void theFilterGivesTheSameTermsAsLucenesSnowballFilter() throws IOException {
        assertThat(terms(new StemFilter(lowerCase()))).isEqualTo(terms(new SnowballFilter(lowerCase(), new RussianStemmer())))
                .contains("дорог", "вывоз", "новомосковск");
    }

    private static TokenStream lowerCase() {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(TEXT));
        return new LowerCaseFilter(tokenizer);
    }

    private static List<String> terms(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
            out.add(term.toString());
        }
        stream.end();
        stream.close();
        return out;
    }
}
