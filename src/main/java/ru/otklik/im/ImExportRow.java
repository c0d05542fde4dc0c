package ru.otklik.im;

import java.time.Instant;

/**
 * One incident as an ИМ export row; nulls are empty cells.
 *
 * @param firstResponseWorkingHours working hours from creation to the first response, as the ratings count them
 * @param onTime                    whether the first response met its deadline, null while unknown
 */
public record ImExportRow(long id, String number, String executor, Instant created, Instant ended, String topicGroup,
                          String topic, String municipality, String type, String outcome, String postUrl, String text,
                          String firstAnswer, Double firstResponseWorkingHours, Boolean onTime) {

    /** ИМ's numbering style, so a ЦУР can tell Otklik's incidents from its own: OTK-000042. */
    public static String number(long id) {
        return "OTK-%06d".formatted(id);
    }

    /** The cells in {@link ImColumns#EXPORTED} order: strings, instants and numbers as they are. */
    public Object[] cells() {
        return new Object[] {id, number, executor, created, ended, topicGroup, topic, municipality, type, outcome,
                postUrl, text, firstAnswer, firstResponseWorkingHours, onTime == null ? null : onTime ? "Да" : "Нет"};
    }
}
