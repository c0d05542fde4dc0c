package ru.otklik.incident.workflow;

/**
 * The author's feedback as recorded by an analyst or the agency: a 1–5 rating and/or "not fixed",
 * which reopens the incident. Who records it is the authenticated caller.
 */
public record FeedbackRequest(Integer rating, Boolean notFixed, String comment) {
}
