package ru.otklik.incident.sla;

import java.util.Objects;

/** The two targets of one policy: first response and resolution. */
public record SlaTargets(WorkTarget firstResponse, WorkTarget resolution) {

    public SlaTargets {
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
    }

    public WorkTarget of(SlaClockKind kind) {
        return kind == SlaClockKind.FIRST_RESPONSE ? firstResponse : resolution;
    }
}
