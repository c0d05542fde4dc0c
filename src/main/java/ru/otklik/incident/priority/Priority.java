package ru.otklik.incident.priority;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Incident priority, lowest first; stored and serialised in lower case as in the schema's check constraint. */
public enum Priority {
    NORMAL, HIGH, CRITICAL;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Priority fromCode(String code) {
        for (Priority priority : values()) {
            if (priority.code().equalsIgnoreCase(code.strip())) {
                return priority;
            }
        }
        throw new IllegalArgumentException("unknown priority '" + code + "' (expected normal, high or critical)");
    }
}
