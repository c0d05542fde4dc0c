package ru.otklik.nlp.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.util.Span;

/** Reads CoNLL-U sentences as their {@code # text} plus the character spans of their tokens. */
public final class Conllu {

    /** One sentence: its text and token spans within it. */
    public record Sentence(String text, Span[] tokens) {
    }

    private Conllu() {
    }

    /** Sentences whose tokens could all be located in the {@code # text} line; others are skipped. */
    public static List<Sentence> read(Path file) throws IOException {
        List<Sentence> out = new ArrayList<>();
        String text = null;
        List<String> forms = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("# text = ")) {
                text = line.substring("# text = ".length());
            } else if (line.isBlank()) {
                addSentence(text, forms, out);
                text = null;
                forms.clear();
            } else if (!line.startsWith("#")) {
                String[] cols = line.split("\t", -1);
                if (cols.length >= 2 && cols[0].chars().allMatch(Character::isDigit)) {
                    forms.add(cols[1]);
                }
            }
        }
        addSentence(text, forms, out);
        return out;
    }

    private static void addSentence(String text, List<String> forms, List<Sentence> out) {
        if (text == null || forms.isEmpty()) {
            return;
        }
        Span[] spans = new Span[forms.size()];
        int cursor = 0;
        for (int i = 0; i < forms.size(); i++) {
            int at = text.indexOf(forms.get(i), cursor);
            if (at < 0) {
                return;
            }
            spans[i] = new Span(at, at + forms.get(i).length());
            cursor = at + forms.get(i).length();
        }
        out.add(new Sentence(text, spans));
    }
}
