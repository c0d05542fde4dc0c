package ru.otklik.incident.workflow;

import static ru.otklik.incident.workflow.IncidentStatus.ANSWERED;
import static ru.otklik.incident.workflow.IncidentStatus.ASSIGNED;
import static ru.otklik.incident.workflow.IncidentStatus.CLOSED;
import static ru.otklik.incident.workflow.IncidentStatus.DUPLICATE;
import static ru.otklik.incident.workflow.IncidentStatus.IN_PROGRESS;
import static ru.otklik.incident.workflow.IncidentStatus.NEW;
import static ru.otklik.incident.workflow.IncidentStatus.REJECTED_NOT_COMPETENT;
import static ru.otklik.incident.workflow.IncidentStatus.REOPENED;
import static ru.otklik.incident.workflow.IncidentStatus.RESOLVED;
import static ru.otklik.incident.workflow.IncidentStatus.WAITING_FOR_AUTHOR;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The incident workflow as a transition table: the only place that decides which status change is
 * allowed and what it needs. {@code X → ASSIGNED} from an assigned or working state is a
 * reassignment to another agency.
 */
public final class WorkflowTable {

    private static final Map<IncidentStatus, Set<IncidentStatus>> ALLOWED = new EnumMap<>(IncidentStatus.class);

    static {
        allow(NEW, ASSIGNED, DUPLICATE, CLOSED);
        allow(ASSIGNED, ASSIGNED, IN_PROGRESS, WAITING_FOR_AUTHOR, ANSWERED, REJECTED_NOT_COMPETENT, DUPLICATE);
        allow(IN_PROGRESS, ASSIGNED, WAITING_FOR_AUTHOR, ANSWERED, RESOLVED, REJECTED_NOT_COMPETENT, DUPLICATE);
        allow(WAITING_FOR_AUTHOR, ASSIGNED, IN_PROGRESS, ANSWERED, CLOSED, DUPLICATE);
        allow(ANSWERED, IN_PROGRESS, RESOLVED, REOPENED, CLOSED);
        allow(RESOLVED, CLOSED, REOPENED);
        allow(CLOSED, REOPENED);
        allow(REJECTED_NOT_COMPETENT, ASSIGNED, CLOSED, DUPLICATE);
        allow(DUPLICATE);
        allow(REOPENED, ASSIGNED, IN_PROGRESS, WAITING_FOR_AUTHOR, ANSWERED, DUPLICATE);
    }

    private WorkflowTable() {
    }

    private static void allow(IncidentStatus from, IncidentStatus... to) {
        Set<IncidentStatus> targets = EnumSet.noneOf(IncidentStatus.class);
        targets.addAll(java.util.List.of(to));
        ALLOWED.put(from, Collections.unmodifiableSet(targets));
    }

    public static boolean isAllowed(IncidentStatus from, IncidentStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<IncidentStatus> allowedFrom(IncidentStatus from) {
        return ALLOWED.get(from);
    }

    /** @throws ForbiddenTransitionException if the table has no such transition */
    public static void check(IncidentStatus from, IncidentStatus to) {
        if (!isAllowed(from, to)) {
            throw new ForbiddenTransitionException(from, to, allowedFrom(from));
        }
    }

    public static boolean isReassignment(IncidentStatus from, IncidentStatus to) {
        return to == ASSIGNED && from != NEW && from != REJECTED_NOT_COMPETENT;
    }

    /**
     * What a request must carry: an agency to assign to; a reason for everything that overrides the
     * normal course (reassignment, rejection, reopening, closing without an answer, merging); the
     * original for a duplicate; the text of an answer.
     */
    public static Set<Requirement> requirements(IncidentStatus from, IncidentStatus to) {
        Set<Requirement> required = EnumSet.noneOf(Requirement.class);
        switch (to) {
            case ASSIGNED -> {
                required.add(Requirement.AGENCY);
                if (isReassignment(from, to) || from == REJECTED_NOT_COMPETENT) {
                    required.add(Requirement.REASON);
                }
            }
            case REJECTED_NOT_COMPETENT, REOPENED -> required.add(Requirement.REASON);
            case DUPLICATE -> required.add(Requirement.DUPLICATE_OF);
            case ANSWERED -> required.add(Requirement.ANSWER_TEXT);
            case CLOSED -> {
                if (from == NEW || from == WAITING_FOR_AUTHOR || from == REJECTED_NOT_COMPETENT) {
                    required.add(Requirement.REASON);
                }
            }
            default -> {
            }
        }
        return required;
    }
}
