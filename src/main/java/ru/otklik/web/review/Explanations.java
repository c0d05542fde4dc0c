package ru.otklik.web.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.otklik.analysis.StoredExplanation;

/**
 * Turns an analysis' explanation (the JSON object {@code NlpPostAnalyzer} stores) into lines a person can
 * read. Known keys get Russian wording; any other key is still shown,
 * so a new kind of evidence is never hidden from the analyst. Both stored forms read the same: the compact one
 * ({@link StoredExplanation}: a feature as {@code "<feature> +0.18"}, an entity as {@code [text, type]}) and the
 * {@code analyze} command's, which rows stored before it hold ({@code {"feature", "weight"}} and
 * {@code {"text", "type", …}} objects).
 */
public final class Explanations {

    /** One line: what kind of evidence, and the evidence. */
    public record Line(String title, String body) {
    }

    private Explanations() {
    }

    private static String decidedBy(Object value) {
        return "rule".equals(value) ? "правило аналитиков" : "model".equals(value) ? "модель" : String.valueOf(value);
    }

    public static List<Line> lines(Map<String, Object> explanation, ReferenceNames.Catalog names) {
        List<Line> lines = new ArrayList<>();
        if (explanation == null) {
            return lines;
        }
        explanation.forEach((key, value) -> {
            if (value == null || value instanceof List<?> list && list.isEmpty()) {
                return;
            }
            switch (key) {
                case "complaintDecidedBy" -> lines.add(new Line("Жалобу определила", decidedBy(value)));
                case "topicDecidedBy" -> lines.add(new Line("Тему определила", decidedBy(value)));
                case "modelComplaint" -> lines.add(new Line("Оценка модели жалоб", String.valueOf(value)));
                case "modelTopic" -> lines.add(new Line("Тема по модели", String.valueOf(value)));
                case "matchedRules" -> lines.add(new Line("Сработавшие правила", join(value, String::valueOf)));
                case "routing" -> lines.add(new Line("Маршрутизация", String.valueOf(value)));
                case "entities" -> lines.add(new Line("Найденные места и организации", join(value,
                        Explanations::entity)));
                case "topFeatures" -> features(value, lines);
                case "analysedAsRussian" -> lines.add(new Line("Отправлен на анализ как русский",
                        value instanceof Map<?, ?> m ? "определён язык " + m.get("detectedLang") + ", отправил "
                                + m.get("by") : String.valueOf(value)));
                default -> lines.add(new Line(key, String.valueOf(value)));
            }
        });
        return lines;
    }

    /** Per categoriser, the features that pushed hardest towards its label. */
    private static void features(Object value, List<Line> lines) {
        if (!(value instanceof Map<?, ?> byTask)) {
            lines.add(new Line("Признаки", String.valueOf(value)));
            return;
        }
        byTask.forEach((task, list) -> {
            String body = join(list, item -> item instanceof Map<?, ?> m
                    ? m.get("feature") + " " + signed(m.get("weight")) : String.valueOf(item));
            if (!body.isEmpty()) {
                lines.add(new Line("Признаки: " + task, body));
            }
        });
    }

    private static String signed(Object weight) {
        return weight instanceof Number n ? StoredExplanation.signed(n.doubleValue()) : "";
    }

    private static String entity(Object item) {
        if (item instanceof Map<?, ?> m) {
            return m.get("text") + " (" + m.get("type") + ")";
        }
        if (item instanceof List<?> pair && pair.size() == 2) {
            return pair.get(0) + " (" + pair.get(1) + ")";
        }
        return String.valueOf(item);
    }

    private static String join(Object value, java.util.function.Function<Object, String> item) {
        if (value instanceof List<?> list) {
            return list.stream().map(item).collect(Collectors.joining(", "));
        }
        return item.apply(value);
    }
}
