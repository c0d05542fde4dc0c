package ru.otklik.incident.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every one of the 100 (from, to) pairs against a matrix written down independently of the code. */
class WorkflowTableTest {

    // columns: new assigned in_progress waiting answered resolved closed rejected duplicate reopened
    private static final String[] MATRIX = {
        "new                    . X . . . . X . X .",
        "assigned               . X X X X . . X X .",
        "in_progress            . X . X X X . X X .",
        "waiting_for_author     . X X . X . X . X .",
        "answered               . . X . . X X . . X",
        "resolved               . . . . . . X . . X",
        "closed                 . . . . . . . . . X",
        "rejected_not_competent . X . . . . X . X .",
        "duplicate              . . . . . . . . . .",
        "reopened               . X X X X . . . X .",
    };

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        IncidentStatus[] statuses = IncidentStatus.values();
        for (String row : MATRIX) {
            String[] cells = row.trim().split("\\s+");
            IncidentStatus from = IncidentStatus.fromCode(cells[0]);
            for (int i = 0; i < statuses.length; i++) {
                pairs.add(Arguments.of(from, statuses[i], cells[i + 1].equals("X")));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("everyPair")
    void transition(IncidentStatus from, IncidentStatus to, boolean allowed) {
        assertEquals(allowed, WorkflowTable.isAllowed(from, to));
        if (allowed) {
            WorkflowTable.check(from, to);
        } else {
            ForbiddenTransitionException e = assertThrows(ForbiddenTransitionException.class, () -> WorkflowTable.check(from, to));
            assertEquals(from, e.from());
            assertEquals(to, e.to());
            assertEquals(WorkflowTable.allowedFrom(from), e.allowed());
        }
    }

    @Test
    void matrixCoversEveryStatus() {
        assertEquals(100, everyPair().count());
        assertEquals(IncidentStatus.values().length, MATRIX.length);
    }

    @Test
    void forbiddenTransitionSaysWhatIsAllowedInRussian() {
        ForbiddenTransitionException e = assertThrows(ForbiddenTransitionException.class,
                () -> WorkflowTable.check(IncidentStatus.RESOLVED, IncidentStatus.ASSIGNED));
        assertEquals("Переход из статуса «resolved» в «assigned» не допускается; допустимые переходы: closed, reopened",
                e.getMessage());
        assertTrue(assertThrows(ForbiddenTransitionException.class,
                () -> WorkflowTable.check(IncidentStatus.DUPLICATE, IncidentStatus.NEW)).getMessage().contains("переходов нет"));
    }

    @Test
    void requirements() {
        assertEquals(EnumSet.of(Requirement.AGENCY), WorkflowTable.requirements(IncidentStatus.NEW, IncidentStatus.ASSIGNED));
        assertEquals(EnumSet.of(Requirement.AGENCY, Requirement.REASON),
                WorkflowTable.requirements(IncidentStatus.IN_PROGRESS, IncidentStatus.ASSIGNED));
        assertEquals(EnumSet.of(Requirement.AGENCY, Requirement.REASON),
                WorkflowTable.requirements(IncidentStatus.REJECTED_NOT_COMPETENT, IncidentStatus.ASSIGNED));
        assertEquals(Set.of(Requirement.REASON),
                WorkflowTable.requirements(IncidentStatus.ASSIGNED, IncidentStatus.REJECTED_NOT_COMPETENT));
        assertEquals(Set.of(Requirement.REASON), WorkflowTable.requirements(IncidentStatus.CLOSED, IncidentStatus.REOPENED));
        assertEquals(Set.of(Requirement.DUPLICATE_OF), WorkflowTable.requirements(IncidentStatus.NEW, IncidentStatus.DUPLICATE));
        assertEquals(Set.of(Requirement.ANSWER_TEXT), WorkflowTable.requirements(IncidentStatus.IN_PROGRESS, IncidentStatus.ANSWERED));
        assertEquals(Set.of(Requirement.REASON), WorkflowTable.requirements(IncidentStatus.NEW, IncidentStatus.CLOSED));
        assertEquals(Set.of(), WorkflowTable.requirements(IncidentStatus.RESOLVED, IncidentStatus.CLOSED));
        assertEquals(Set.of(), WorkflowTable.requirements(IncidentStatus.ASSIGNED, IncidentStatus.IN_PROGRESS));
    }

    @Test
    void clockEffects() {
        for (IncidentStatus status : IncidentStatus.values()) {
            assertEquals(status == IncidentStatus.WAITING_FOR_AUTHOR, status.pausesClocks(), status.code());
            if (status.stopsResolution()) {
                assertTrue(status.stopsFirstResponse(), status.code());
            }
        }
        assertEquals(EnumSet.of(IncidentStatus.RESOLVED, IncidentStatus.CLOSED, IncidentStatus.DUPLICATE),
                EnumSet.copyOf(Stream.of(IncidentStatus.values()).filter(s -> !s.isOpen()).toList()));
    }
}
