package ru.otklik.incident.priority;

/**
 * What the priority is decided from.
 *
 * @param conflictScore the highest conflict score (0–1) among the incident's posts
 * @param reach         views, likes and reposts of its posts summed
 * @param growth        posts that joined the incident within the growth window
 */
public record PrioritySignals(double conflictScore, long reach, int growth) {
}
