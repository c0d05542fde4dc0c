package ru.otklik.nlp.routing;

/** An executive body incidents go to; {@code municipality} is set for a municipality's administration. */
public record Agency(String code, String kind, String municipality, String name) {
}
