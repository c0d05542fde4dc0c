package ru.otklik.incident.workflow;

/**
 * A requested status change. {@code to} is the target status code; what else is needed depends on
 * the transition (see {@link WorkflowTable#requirements}). Who does it is the authenticated caller, not a field.
 *
 * @param agency      agency code to assign or reassign to
 * @param duplicateOf the incident this one duplicates
 * @param answerText  the agency's reply
 * @param answerUrl   link to the published reply
 */
public record TransitionRequest(String to, String reason, String agency, Long duplicateOf,
                                String answerText, String answerUrl) {
}
