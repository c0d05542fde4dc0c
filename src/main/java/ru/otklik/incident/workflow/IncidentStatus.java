package ru.otklik.incident.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The workflow states of an incident; stored and serialised as lower-case codes. */
public enum IncidentStatus {
    NEW,
    ASSIGNED,
    IN_PROGRESS,
    /** The agency asked the author for details; both deadline clocks pause. */
    WAITING_FOR_AUTHOR,
    /** The agency replied; the first-response clock has stopped. */
    ANSWERED,
    RESOLVED,
    CLOSED,
    /** The agency says the problem is not within its competence: back to the centre's queue for re-routing. */
    REJECTED_NOT_COMPETENT,
    /** Merged into another incident about the same problem. */
    DUPLICATE,
    /** The author says it is not fixed. */
    REOPENED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static IncidentStatus fromCode(String code) {
        for (IncidentStatus status : values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown incident status '" + code + "'");
    }

    /** New complaints about the same problem join an incident in one of these states. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != DUPLICATE;
    }

    public boolean pausesClocks() {
        return this == WAITING_FOR_AUTHOR;
    }

    /** Reaching this state means the agency has responded. */
    public boolean stopsFirstResponse() {
        return this == ANSWERED || this == RESOLVED || this == CLOSED || this == DUPLICATE;
    }

    public boolean stopsResolution() {
        return this == RESOLVED || this == CLOSED || this == DUPLICATE;
    }
}
