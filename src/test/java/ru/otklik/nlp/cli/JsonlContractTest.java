package ru.otklik.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import ru.otklik.nlp.SharedAnalyzer;

class JsonlContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneLineOutPerLineInSameOrderWithErrorsInPlace() throws Exception {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            if (i == 5) {
                in.append("{\"id\": \"bad-5\", \"text\": \"не закрыта кавычка}\n");
            } else if (i == 7) {
                in.append("{\"id\": 7}\n");
            } else if (i == 9) {
                in.append("\n");
            } else {
                in.append(JSON.writeValueAsString(java.util.Map.of("id", "p" + i,
                        "text", i % 2 == 0 ? "Яма на дороге в Алексине номер " + i : "Нет воды в доме " + i))).append('\n');
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        JsonlAnalyzer.Summary summary = new JsonlAnalyzer(SharedAnalyzer.get(), 2)
                .run(new BufferedReader(new StringReader(in.toString())), out);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(300);
        assertThat(summary).isEqualTo(new JsonlAnalyzer.Summary(300, 3));
        for (int i = 0; i < 300; i++) {
            JsonNode n = JSON.readTree(lines.get(i));
            switch (i) {
                case 5 -> {
                    assertThat(n.get("line").asInt()).isEqualTo(6);
                    assertThat(n.get("error").asText()).startsWith("некорректный JSON");
                }
                case 7 -> {
                    assertThat(n.get("id").asText()).isEqualTo("7");
                    assertThat(n.get("error").asText()).contains("text");
                }
                case 9 -> assertThat(n.get("line").asInt()).isEqualTo(10);
                default -> {
                    assertThat(n.get("id").asText()).isEqualTo("p" + i);
                    assertThat(n.has("error")).isFalse();
                    assertThat(n.fieldNames()).toIterable().containsSubsequence("id", "lang", "complaint", "topic",
                            "conflict", "inappropriate", "sentiment", "places", "agency", "explanation",
                            "modelVersions");
                    assertThat(n.get("inappropriate").get("label").asText()).isIn("inappropriate", "none");
                    assertThat(n.get("agency").has("decided_by")).isTrue();
                    assertThat(n.get("topic").get("label").isTextual()).isTrue();
                }
            }
        }
    }

    @Test
    void anotherRegionsLearnedAgencyGivesWayToTheRoutingTable() throws Exception {
        // no place named: the shipped agency model (Kursk's history) answers a Kursk body, which the region's table
        // replaces, as the service stores it
        String in = JSON.writeValueAsString(java.util.Map.of("id", "x",
                "text", "Огромные ямы на дороге у школы, машины бьют колёса, когда отремонтируют?")) + "\n"
                + JSON.writeValueAsString(java.util.Map.of("id", "y",
                "text", "Тула, Оружейная 16, во дворе третью неделю не вывозят мусор")) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JsonlAnalyzer(SharedAnalyzer.get(), 1).run(new BufferedReader(new StringReader(in)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).lines().toList()) {
            out.add(JSON.readTree(line));
        }
        assertThat(SharedAnalyzer.get().analyze("x", "Огромные ямы на дороге у школы, машины бьют колёса, когда отремонтируют?")
                .agency().name()).contains("Курск");
        assertThat(out.get(0).get("agency").get("name").asText())
                .isEqualTo("Министерство транспорта и дорожного хозяйства Тульской области");
        assertThat(out.get(0).get("agency").get("decided_by").asText()).isEqualTo("routing");
        assertThat(out.get(1).get("places").get(0).get("municipality").asText()).isEqualTo("tula");
        assertThat(out.get(1).get("agency").get("name").asText()).doesNotContain("Курск");
    }
}
