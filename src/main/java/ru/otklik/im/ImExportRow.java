package ru.otklik.im;

import java.time.Instant;
import java.util.List;

/**
 * One incident as an ИМ export row; nulls are empty cells.
 *
 * @param firstResponseWorkingHours working hours from creation to the first response, as the ratings count them
 * @param onTime                    whether the first response met its deadline, null while unknown
 */
public record ImExportRow(long id, String number, String executor, Instant created, Instant ended, String topicGroup,
                          String topic, String municipality, String type, String outcome, String postUrl, String text,
                          String firstAnswer, Double firstResponseWorkingHours, Boolean onTime) {

    /** The columns Otklik exports, in ИМ's order: every field Otklik has an ИМ column for. */
    public static final List<ImColumn> COLUMNS = List.of(ImColumn.ID, ImColumn.NUMBER, ImColumn.EXECUTOR,
            ImColumn.CREATED, ImColumn.CLOSED, ImColumn.TOPIC_GROUP, ImColumn.TOPIC, ImColumn.MUNICIPALITY,
            ImColumn.TYPE, ImColumn.OUTCOME, ImColumn.POST_URL, ImColumn.TEXT, ImColumn.FIRST_ANSWER,
            ImColumn.FIRST_RESPONSE_WORKING, ImColumn.DEADLINE_MET);

    /** ИМ's numbering style, so a ЦУР can tell Otklik's incidents from its own: OTK-000042. */
    public static String number(long id) {
        return "OTK-%06d".formatted(id);
    }

    /** The cells in {@link #COLUMNS} order: strings, instants and numbers as they are. */
    public Object[] cells() {
        return new Object[] {id, number, executor, created, ended, topicGroup, topic, municipality, type, outcome,
                postUrl, text, firstAnswer, firstResponseWorkingHours, onTime == null ? null : onTime ? "Да" : "Нет"};
    }
}
