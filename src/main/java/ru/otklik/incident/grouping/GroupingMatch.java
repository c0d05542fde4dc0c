package ru.otklik.incident.grouping;

/** The incident a complaint joins and how similar its text was. */
public record GroupingMatch(long incidentId, double similarity) {
}
