package ru.otklik.web.console;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;
import java.util.Map;

/** Russian names of the codes the console shows: statuses, priorities, event types, decisions, sentiment, incident types. */
@TemplateExtension(namespace = "ru")
public final class Vocabulary {

    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("new", "Новый"),
            Map.entry("assigned", "Назначен"),
            Map.entry("in_progress", "В работе"),
            Map.entry("waiting_for_author", "Ждёт автора"),
            Map.entry("answered", "Дан ответ"),
            Map.entry("resolved", "Решён"),
            Map.entry("closed", "Закрыт"),
            Map.entry("rejected_not_competent", "Не в компетенции"),
            Map.entry("duplicate", "Дубликат"),
            Map.entry("reopened", "Переоткрыт"));

    private static final Map<String, String> PRIORITY = Map.of(
            "normal", "обычный", "high", "высокий", "critical", "критический");

    private static final Map<String, String> EVENT = Map.ofEntries(
            Map.entry("opened", "Открыт"),
            Map.entry("corrected", "Исправлен аналитиком"),
            Map.entry("transition", "Смена статуса"),
            Map.entry("status", "Смена статуса"),
            Map.entry("assigned", "Назначен"),
            Map.entry("reassigned", "Переназначен"),
            Map.entry("answered", "Ответ ведомства"),
            Map.entry("post_added", "Новый пост"),
            Map.entry("merged", "Объединён"),
            Map.entry("escalated", "Эскалация"),
            Map.entry("sla_warning", "Предупреждение о сроке"),
            Map.entry("sla_overdue", "Срок нарушен"),
            Map.entry("priority", "Смена приоритета"),
            Map.entry("feedback", "Оценка автора"));

    private static final Map<String, String> DECISION = Map.of(
            "confirmed", "Подтверждено", "rejected", "Отклонено", "corrected", "Исправлено");

    private static final Map<String, String> SENTIMENT = Map.of(
            "positive", "позитивная", "neutral", "нейтральная", "negative", "негативная");

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    /** ИМ's «Тип инцидента» (docs/incident-guideline.md). */
    private static final Map<String, String> INCIDENT_TYPE = Map.of(
            "problem", "Решаемый", "question", "Информационный");

    private Vocabulary() {
    }

    static String incidentType(String code) {
        return code == null ? "—" : INCIDENT_TYPE.getOrDefault(code, code);
    }

    static String sentiment(String code) {
        return code == null ? "—" : SENTIMENT.getOrDefault(code, code);
    }

    static String status(String code) {
        return code == null ? "—" : STATUS.getOrDefault(code, code);
    }

    static String priority(String code) {
        return code == null ? "—" : PRIORITY.getOrDefault(code, code);
    }

    static String event(String code) {
        return code == null ? "—" : EVENT.getOrDefault(code, code);
    }

    /** A language's Russian name from its ISO code ({@code uk} → «украинский»), as the identifier gives it. */
    static String language(String code) {
        if (code == null || code.isBlank() || code.equals("und")) {
            return "не определён";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(RUSSIAN);
        return name.isEmpty() || name.equals(code) ? code : name;
    }

    static String decision(String code) {
        return code == null ? "—" : DECISION.getOrDefault(code, code);
    }
}
