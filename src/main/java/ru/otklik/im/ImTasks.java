package ru.otklik.im;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import ru.otklik.nlp.data.LabeledText;

/**
 * The training sets an export gives, one per task, or why a task cannot be trained from it. Pure: the same
 * export and topic map give the same rows in the same order.
 */
public final class ImTasks {

    public static final String TOPIC = "topic";
    public static final String AGENCY = "agency";
    /** The model directory name shared with the analysis's incident-type model: labels problem / question. */
    public static final String INCIDENT_TYPE = "incident_type";
    /** Official replies vs residents' texts. */
    public static final String REPLY = "reply";
    public static final List<String> ALL = List.of(TOPIC, AGENCY, INCIDENT_TYPE, REPLY);

    /** Fewer rows than this cannot be cross-validated in any useful way. */
    public static final int MIN_ROWS = 20;
    /** A label with fewer rows than this is left out: no fold could both learn and score it. */
    public static final int MIN_PER_LABEL = 3;

    /**
     * One task's rows, or the reason it is skipped.
     *
     * @param source  which columns the labels come from, for the report and the model's manifest
     * @param dropped labels left out for having fewer than {@link #MIN_PER_LABEL} rows → their row count
     */
    public record TaskRows(String task, String source, List<LabeledText> rows, Map<String, Integer> dropped,
                           Optional<String> skipped) {
    }

    private ImTasks() {
    }

    public static List<TaskRows> of(ImExport export, TopicMap topics) {
        List<TaskRows> out = new ArrayList<>();
        List<ImIncident> incidents = export.incidents();
        out.add(!export.has(ImColumn.TOPIC_GROUP) && !export.has(ImColumn.TOPIC)
                ? missing(TOPIC, "«Группа тем» / «Тема»")
                : labelled(TOPIC, "«Группа тем» (or «Тема») through the topic map", incidents,
                i -> Optional.of(topics.code(i.topicGroup())).filter(c -> !c.equals(TopicMap.NONE)
                        && !i.topicGroup().isEmpty())));
        out.add(!export.has(ImColumn.EXECUTOR) ? missing(AGENCY, "«Исполнитель»")
                : labelled(AGENCY, "«Исполнитель»", incidents,
                i -> Optional.of(i.executor()).filter(e -> !e.isEmpty())));
        out.add(!export.has(ImColumn.TYPE) ? missing(INCIDENT_TYPE, "«Тип инцидента»")
                : labelled(INCIDENT_TYPE, "«Тип инцидента»: Решаемый → problem, Информационный → question",
                incidents, ImIncident::type));
        out.add(ImColumn.ANSWERS.stream().noneMatch(export::has) ? missing(REPLY, "answer columns")
                : replies(incidents));
        return out;
    }

    private static TaskRows labelled(String task, String source, List<ImIncident> incidents,
                                     Function<ImIncident, Optional<String>> label) {
        List<LabeledText> rows = new ArrayList<>();
        for (ImIncident i : incidents) {
            label.apply(i).ifPresent(l -> rows.add(new LabeledText(i.key(), i.text(), l)));
        }
        return checked(task, source, rows);
    }

    /** Every answer is an official text, every incident text a resident's. */
    private static TaskRows replies(List<ImIncident> incidents) {
        List<LabeledText> rows = new ArrayList<>();
        for (ImIncident i : incidents) {
            rows.add(new LabeledText("resident:" + i.key(), i.text(), "resident"));
            for (int a = 0; a < i.answers().size(); a++) {
                rows.add(new LabeledText("official:" + i.key() + ":" + a, i.answers().get(a), "official"));
            }
        }
        return checked(REPLY, "answer columns (official) vs «Текст инцидента» (resident)", rows);
    }

    private static TaskRows checked(String task, String source, List<LabeledText> all) {
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(LabeledText::label,
                LinkedHashMap::new, Collectors.counting()));
        Map<String, Integer> dropped = new LinkedHashMap<>();
        counts.forEach((label, n) -> {
            if (n < MIN_PER_LABEL) {
                dropped.put(label, n.intValue());
            }
        });
        List<LabeledText> rows = all.stream().filter(t -> !dropped.containsKey(t.label())).toList();
        long labels = counts.size() - dropped.size();
        Optional<String> skipped = Optional.empty();
        if (rows.size() < MIN_ROWS) {
            skipped = Optional.of("only " + rows.size() + " labelled rows (at least " + MIN_ROWS + " needed)");
        } else if (labels < 2) {
            skipped = Optional.of("only " + labels + " label with at least " + MIN_PER_LABEL + " rows (2 needed)");
        }
        return new TaskRows(task, source, rows, dropped, skipped);
    }

    private static TaskRows missing(String task, String column) {
        return new TaskRows(task, column, List.of(), Map.of(), Optional.of("the export has no " + column + " column"));
    }
}
