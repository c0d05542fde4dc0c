package ru.otklik.alert;

/**
 * A threshold a subject has crossed: the alert to raise unless it was raised before.
 *
 * @param subjectType {@code post}, {@code incident} or {@code thread} (a post and its comments)
 * @param value       the measured value (score, reach, post count)
 */
public record AlertCandidate(AlertKind kind, String subjectType, long subjectId, double value, double threshold,
                             String title) {
}
