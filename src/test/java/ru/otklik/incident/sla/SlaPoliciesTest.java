package ru.otklik.incident.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import ru.otklik.incident.priority.Priority;

class SlaPoliciesTest {

    @Test
    void defaultsFollowTheRegulation() {
        SlaPolicies policies = SlaPolicies.defaults();
        assertEquals(new SlaTargets(WorkTarget.hours(8), WorkTarget.days(8)), policies.targetsFor("roads", Priority.NORMAL));
        assertEquals(new SlaTargets(WorkTarget.hours(4), WorkTarget.days(5)), policies.targetsFor("roads", Priority.HIGH));
        assertEquals(new SlaTargets(WorkTarget.hours(4), WorkTarget.days(3)), policies.targetsFor(null, Priority.CRITICAL));
    }

    @Test
    void topicOverridesFallBackToDefaultsPerPriority() {
        SlaPolicies policies = new SlaPolicies(SlaPolicies.DEFAULTS,
                Map.of("housing_utilities", Map.of(Priority.CRITICAL, new SlaTargets(WorkTarget.hours(2), WorkTarget.days(1)))),
                Duration.ofHours(8));
        assertEquals(new SlaTargets(WorkTarget.hours(2), WorkTarget.days(1)),
                policies.targetsFor("housing_utilities", Priority.CRITICAL));
        assertEquals(SlaPolicies.DEFAULTS.get(Priority.HIGH), policies.targetsFor("housing_utilities", Priority.HIGH));
        assertEquals(SlaPolicies.DEFAULTS.get(Priority.CRITICAL), policies.targetsFor("roads", Priority.CRITICAL));
    }

    @Test
    void aHigherPriorityMustNotWaitLonger() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SlaPolicies(SlaPolicies.DEFAULTS,
                Map.of("roads", Map.of(Priority.CRITICAL, new SlaTargets(WorkTarget.hours(4), WorkTarget.days(6)))),
                Duration.ofHours(8)));
        assertTrue(e.getMessage().contains("topic roads: resolution target for critical (6d) is longer than for high (5d)"),
                e.getMessage());
    }

    @Test
    void parsesTargets() {
        assertEquals(WorkTarget.hours(4), WorkTarget.parse("4h"));
        assertEquals(WorkTarget.days(8), WorkTarget.parse(" 8D "));
        assertEquals(new WorkTarget(90, WorkTarget.Unit.MINUTES), WorkTarget.parse("90m"));
        assertEquals("8d", WorkTarget.days(8).toString());
        assertThrows(IllegalArgumentException.class, () -> WorkTarget.parse("4 hours"));
        assertThrows(IllegalArgumentException.class, () -> WorkTarget.parse("0h"));
    }

    @Test
    void thresholdsAlwaysEndWithTheEscalation() {
        assertEquals(List.of(70, 90, 100), EscalationThresholds.DEFAULT.all());
        assertEquals(List.of(50, 100), new EscalationThresholds(new TreeSet<>(List.of(50))).all());
        assertThrows(IllegalArgumentException.class, () -> new EscalationThresholds(new TreeSet<>(List.of(100))));
    }
}
