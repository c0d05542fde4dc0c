package ru.otklik.nlp.rules;

/** A rule that matched a text: its id and the topic (or other label) it stands for. */
public record RuleMatch(String ruleId, String label) {
}
