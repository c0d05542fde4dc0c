package ru.otklik.incident.workflow;

import java.util.Set;
import ru.otklik.common.ApiException;
import java.util.stream.Collectors;

/** A status change the workflow table does not allow; rendered as 409 problem+json by the common mappers. */
public class ForbiddenTransitionException extends ApiException {

    private final IncidentStatus from;
    private final IncidentStatus to;
    private final Set<IncidentStatus> allowed;

    public ForbiddenTransitionException(IncidentStatus from, IncidentStatus to, Set<IncidentStatus> allowed) {
        super(409, "Недопустимый переход статуса", "Переход из статуса «" + from.code() + "» в «" + to.code() + "» не допускается"
                + (allowed.isEmpty() ? "; из этого статуса переходов нет"
                : "; допустимые переходы: " + allowed.stream().map(IncidentStatus::code).collect(Collectors.joining(", "))));
        this.from = from;
        this.to = to;
        this.allowed = Set.copyOf(allowed);
    }

    public IncidentStatus from() {
        return from;
    }

    public IncidentStatus to() {
        return to;
    }

    public Set<IncidentStatus> allowed() {
        return allowed;
    }
}
