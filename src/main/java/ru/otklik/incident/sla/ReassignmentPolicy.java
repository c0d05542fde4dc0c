package ru.otklik.incident.sla;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What happens to running deadlines when an incident moves to another agency.
 * {@code KEEP} (default): the resident has been waiting since the complaint, so the clocks run on.
 * {@code RESTART}: the new agency gets full targets from the moment of reassignment (clocks that
 * already stopped — a first response already given — stay stopped).
 */
public enum ReassignmentPolicy {
    KEEP, RESTART;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
