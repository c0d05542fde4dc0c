package ru.otklik.nlp.place;

/** A place name found in a text, as written, with the municipality it resolves to. */
public record PlaceMention(String text, int start, int end, String municipality) {
}
