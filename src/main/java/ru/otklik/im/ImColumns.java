package ru.otklik.im;

import java.util.List;

/**
 * Column headers of an «Инцидент Менеджмент» incident export, as ИМ writes them. Otklik exports its incidents
 * under these names and reads a region's ИМ export by them (matched case-insensitively).
 */
public final class ImColumns {

    public static final String ID = "ID";
    public static final String NUMBER = "Номер инцидента";
    public static final String EXECUTOR = "Исполнитель";
    public static final String CREATED = "Дата создания";
    public static final String ENDED = "Дата окончания";
    public static final String TOPIC_GROUP = "Группа тем";
    public static final String TOPIC = "Тема";
    public static final String MUNICIPALITY = "Муниципалитет";
    public static final String TYPE = "Тип инцидента";
    public static final String OUTCOME = "Итог";
    public static final String POST_URL = "Урл поста";
    public static final String TEXT = "Текст инцидента";
    public static final String FIRST_ANSWER = "Общий текст первого ответа";
    public static final String FIRST_RESPONSE_WORKING = "Время с даты создания инцидента до времени первого ответа, рабочее время";
    public static final String ON_TIME = "Уложились или нет после назн. ПИ";

    /** ИМ's «Тип инцидента» values and Otklik's incident types. */
    public static final String TYPE_PROBLEM = "Решаемый";
    public static final String TYPE_QUESTION = "Информационный";

    /** The columns Otklik exports, in ИМ's order. */
    public static final List<String> EXPORTED = List.of(ID, NUMBER, EXECUTOR, CREATED, ENDED, TOPIC_GROUP, TOPIC,
            MUNICIPALITY, TYPE, OUTCOME, POST_URL, TEXT, FIRST_ANSWER, FIRST_RESPONSE_WORKING, ON_TIME);

    private ImColumns() {
    }
}
