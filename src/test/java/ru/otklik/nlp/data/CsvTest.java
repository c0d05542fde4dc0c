package ru.otklik.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsWithSeparatorsQuotesAndLineBreaks() throws Exception {
        String csv = "\uFEFFid,text,label\r\n1,\"Яма, большая\",дороги\n2,\"Он сказал \"\"нет\"\"\nи ушёл\",прочее\n3,просто,x";
        List<Map<String, String>> rows = Csv.read(new StringReader(csv), ',');
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("id", "1").containsEntry("text", "Яма, большая");
        assertThat(rows.get(1).get("text")).isEqualTo("Он сказал \"нет\"\nи ушёл");
        assertThat(rows.get(2)).containsEntry("label", "x");
    }

    @Test
    void devSplitIsDeterministicAndAboutAFifth() {
        int dev = 0;
        for (int i = 0; i < 5000; i++) {
            if (Split.isDev("kursk-" + i)) {
                dev++;
            }
        }
        assertThat(dev).isBetween(850, 1150);
        assertThat(Split.isDev("kursk-42")).isEqualTo(Split.isDev("kursk-42"));
    }
}
