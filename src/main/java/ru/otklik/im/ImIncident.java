package ru.otklik.im;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One incident of an export, parsed. Empty strings stand for missing cells.
 *
 * @param key           the idempotency key: «ID», else «Номер инцидента», else the row's line
 * @param topicGroup    «Группа тем», or «Тема» when the export has no group
 * @param type          problem / question, empty when unknown
 * @param answers       the officials' answer texts (first answer, then the answers of the executor), cleaned
 * @param firstResponse working time to the first response
 */
public record ImIncident(int line, String key, String id, String number, String executor, Optional<Instant> created,
                         Optional<Instant> closed, String topicGroup, String municipality, Optional<String> type,
                         String outcome, String postUrl, String blogUrl, String text, List<String> answers,
                         Optional<Duration> firstResponse, Optional<Boolean> deadlineMet) {

    /** A parsed row or why it cannot be used. */
    public record Parsed(Optional<ImIncident> incident, String problem) {
    }

    /** Parses a row; rows without text or with a date that cannot be read are bad (never guessed). */
    public static Parsed parse(ImRow row) {
        String text = ImText.clean(row.get(ImColumn.TEXT));
        if (text.isEmpty()) {
            return bad("no «Текст инцидента»");
        }
        Optional<Instant> created = ImValues.instant(row.get(ImColumn.CREATED));
        if (created.isEmpty() && !row.get(ImColumn.CREATED).isEmpty()) {
            return bad("unreadable «Дата создания»");
        }
        Optional<Instant> closed = ImValues.instant(row.get(ImColumn.CLOSED));
        if (closed.isEmpty() && !row.get(ImColumn.CLOSED).isEmpty()) {
            return bad("unreadable «Дата окончания»");
        }
        String id = clean(row.get(ImColumn.ID));
        String number = clean(row.get(ImColumn.NUMBER));
        String key = !id.isEmpty() ? "id:" + id : !number.isEmpty() ? "number:" + number : "line:" + row.line();
        String group = clean(row.get(ImColumn.TOPIC_GROUP));
        List<String> answers = new ArrayList<>();
        for (ImColumn c : ImColumn.ANSWERS) {
            String a = ImText.clean(row.get(c));
            if (!a.isEmpty() && !answers.contains(a)) {
                answers.add(a);
            }
        }
        return new Parsed(Optional.of(new ImIncident(row.line(), key, id, number, clean(row.get(ImColumn.EXECUTOR)),
                created, closed, group.isEmpty() ? clean(row.get(ImColumn.TOPIC)) : group,
                clean(row.get(ImColumn.MUNICIPALITY)), ImValues.incidentType(clean(row.get(ImColumn.TYPE))),
                clean(row.get(ImColumn.OUTCOME)), clean(row.get(ImColumn.POST_URL)), clean(row.get(ImColumn.BLOG_URL)),
                text, List.copyOf(answers), ImValues.workingTime(row.get(ImColumn.FIRST_RESPONSE_WORKING)),
                ImValues.yesNo(clean(row.get(ImColumn.DEADLINE_MET))))), null);
    }

    private static Parsed bad(String problem) {
        return new Parsed(Optional.empty(), problem);
    }

    /** A short cell: the spreadsheet's apostrophe and doubled spaces go; a trailing ".0" of a numeric id too. */
    private static String clean(String cell) {
        String c = cell.startsWith("'") ? cell.substring(1).strip() : cell;
        c = c.replaceAll("\\s+", " ");
        return c.matches("\\d+\\.0") ? c.substring(0, c.length() - 2) : c;
    }
}
