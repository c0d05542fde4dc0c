package ru.otklik.nlp.place;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The case forms of a one-word Russian place name. Stemming alone is not enough: Snowball cuts "Ефремов" to
 * "ефрем" (as if "-ов" were a plural ending) but "Ефремове" to "ефремов", so the gazetteer indexes the stems
 * of every case form instead of the stem of the nominative.
 */
final class NameForms {

    private NameForms() {
    }

    static Set<String> of(String name) {
        String n = name.toLowerCase().replace('ё', 'е');
        Set<String> forms = new LinkedHashSet<>();
        forms.add(n);
        if (n.endsWith("ая")) {
            addEndings(forms, cut(n, 2), "ой", "ую", "ая");
        } else if (n.endsWith("ое")) {
            addEndings(forms, cut(n, 2), "ого", "ому", "ом", "ое", "ым", "им");
        } else if (n.endsWith("ий") || n.endsWith("ой") || n.endsWith("ый")) {
            addEndings(forms, cut(n, 2), "ого", "ому", "ом", "ой", "ий", "ый", "им", "ым");
        } else if (n.endsWith("ки")) {
            addEndings(forms, cut(n, 1), "ах", "ам", "ами", "и", "");
        } else if (n.endsWith("а") || n.endsWith("я")) {
            addEndings(forms, cut(n, 1), "ы", "и", "е", "у", "ю", "ой", "ей");
        } else if (n.endsWith("о")) {
            addEndings(forms, cut(n, 1), "а", "у", "ом", "е");
        } else if (n.endsWith("ь")) {
            addEndings(forms, cut(n, 1), "и", "ью", "ь");
        } else {
            addEndings(forms, n, "а", "у", "ом", "е");
        }
        return forms;
    }

    private static String cut(String s, int n) {
        return s.substring(0, s.length() - n);
    }

    private static void addEndings(Set<String> forms, String base, String... endings) {
        List.of(endings).forEach(e -> forms.add(base + e));
    }
}
