package ru.otklik.incident.sla;

import com.fasterxml.jackson.annotation.JsonValue;

/** The two deadlines every incident runs against. */
public enum SlaClockKind {
    FIRST_RESPONSE("first_response"),
    RESOLUTION("resolution");

    private final String code;

    SlaClockKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static SlaClockKind fromCode(String code) {
        for (SlaClockKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown SLA clock '" + code + "'");
    }
}
