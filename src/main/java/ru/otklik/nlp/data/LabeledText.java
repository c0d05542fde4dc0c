package ru.otklik.nlp.data;

/** One training or evaluation example. */
public record LabeledText(String id, String text, String label) {
}
