package ru.otklik.nlp.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topic rubric ({@code rubricator.tsv}): 16 codes with the Kursk category ids and SPb categories that
 * map onto them.
 */
public record Rubricator(List<String> codes, Map<String, String> byKurskCategory, Map<String, String> bySpbCategory) {

    public static Rubricator load(Path tsv) throws IOException {
        List<String> codes = new ArrayList<>();
        Map<String, String> kursk = new HashMap<>();
        Map<String, String> spb = new HashMap<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length < 3 || f[0].isBlank()) {
                continue;
            }
            codes.add(f[0]);
            if (!f[2].isBlank()) {
                kursk.put(f[2].strip(), f[0]);
            }
            if (f.length > 3) {
                for (String cat : f[3].split(";")) {
                    if (!cat.isBlank()) {
                        spb.put(cat.strip(), f[0]);
                    }
                }
            }
        }
        return new Rubricator(List.copyOf(codes), Map.copyOf(kursk), Map.copyOf(spb));
    }
}
