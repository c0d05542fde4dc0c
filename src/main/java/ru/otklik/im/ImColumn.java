package ru.otklik.im;

import java.util.List;
import java.util.Locale;

/**
 * The columns of an «Инцидент Менеджмент» export that Otklik reads, by their header names. A real export has
 * about 47; the others are ignored.
 */
public enum ImColumn {
    ID("ID"),
    NUMBER("Номер инцидента"),
    EXECUTOR("Исполнитель"),
    CREATED("Дата создания"),
    CLOSED("Дата окончания"),
    TOPIC_GROUP("Группа тем"),
    TOPIC("Тема"),
    MUNICIPALITY("Муниципалитет"),
    TYPE("Тип инцидента"),
    OUTCOME("Итог"),
    POST_URL("Урл поста"),
    BLOG_URL("Урл блога"),
    TEXT("Текст инцидента"),
    FIRST_ANSWER("Общий текст первого ответа"),
    ANSWER_1("1ый ответ ПИ"),
    ANSWER_2("2ой ответ ПИ"),
    ANSWER_3("3ий ответ ПИ"),
    FIRST_RESPONSE_WORKING("Время с даты создания инцидента до времени первого ответа, рабочее время"),
    DEADLINE_MET("Уложились или нет после назн. ПИ");

    /** The columns with officials' answers, for the reply detector. */
    public static final List<ImColumn> ANSWERS = List.of(FIRST_ANSWER, ANSWER_1, ANSWER_2, ANSWER_3);

    private final String header;

    ImColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** The column a header names, matched case-insensitively and ignoring surrounding spaces, quotes and a BOM. */
    public static ImColumn of(String header) {
        String key = normalize(header);
        for (ImColumn c : values()) {
            if (normalize(c.header).equals(key)) {
                return c;
            }
        }
        return null;
    }

    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String h = header.replace("\uFEFF", "").strip();
        while (h.length() >= 1 && (h.charAt(0) == '"' || h.charAt(0) == '\'' || h.charAt(0) == '«')) {
            h = h.substring(1).strip();
        }
        while (!h.isEmpty() && (h.endsWith("\"") || h.endsWith("'") || h.endsWith("»"))) {
            h = h.substring(0, h.length() - 1).strip();
        }
        return h.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
