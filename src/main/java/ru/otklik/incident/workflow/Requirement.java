package ru.otklik.incident.workflow;

/** What a transition request must carry besides the target state. */
public enum Requirement {
    /** The agency to assign (or reassign) to. */
    AGENCY,
    /** A free-text reason, kept in the audit event. */
    REASON,
    /** The incident this one duplicates. */
    DUPLICATE_OF,
    /** The agency's answer text. */
    ANSWER_TEXT
}
