package ru.otklik.incident.sla;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import ru.otklik.incident.priority.Priority;

/**
 * SLA targets per topic (rubric code) and priority. A topic without its own policy uses the
 * defaults per priority. Construction refuses a table in which a higher priority would get a
 * longer target than a lower one for the same topic: that is always a configuration mistake.
 */
public final class SlaPolicies {

    /** Defaults: first response 8 working hours for normal, 4 for high and critical; resolution 8, 5 and 3 working days. */
    public static final Map<Priority, SlaTargets> DEFAULTS = Map.of(
            Priority.NORMAL, new SlaTargets(WorkTarget.hours(8), WorkTarget.days(8)),
            Priority.HIGH, new SlaTargets(WorkTarget.hours(4), WorkTarget.days(5)),
            Priority.CRITICAL, new SlaTargets(WorkTarget.hours(4), WorkTarget.days(3)));

    private final Map<Priority, SlaTargets> defaults;
    private final Map<String, Map<Priority, SlaTargets>> byTopic;

    public SlaPolicies(Map<Priority, SlaTargets> defaults, Map<String, Map<Priority, SlaTargets>> byTopic, Duration workingDay) {
        for (Priority priority : Priority.values()) {
            Objects.requireNonNull(defaults.get(priority), "no default SLA for priority " + priority.code());
        }
        this.defaults = Map.copyOf(new EnumMap<>(defaults));
        Map<String, Map<Priority, SlaTargets>> merged = new HashMap<>();
        byTopic.forEach((topic, targets) -> {
            Map<Priority, SlaTargets> complete = new EnumMap<>(this.defaults);
            complete.putAll(targets);
            merged.put(topic, Map.copyOf(complete));
        });
        this.byTopic = Map.copyOf(merged);
        validateOrder("default", this.defaults, workingDay);
        this.byTopic.forEach((topic, targets) -> validateOrder("topic " + topic, targets, workingDay));
    }

    public static SlaPolicies defaults() {
        return new SlaPolicies(DEFAULTS, Map.of(), Duration.ofHours(8));
    }

    public SlaTargets targetsFor(String topic, Priority priority) {
        Map<Priority, SlaTargets> targets = topic == null ? null : byTopic.get(topic);
        return (targets != null ? targets : defaults).get(priority);
    }

    public Map<Priority, SlaTargets> defaultTargets() {
        return defaults;
    }

    public Map<String, Map<Priority, SlaTargets>> topicTargets() {
        return byTopic;
    }

    private static void validateOrder(String scope, Map<Priority, SlaTargets> targets, Duration workingDay) {
        for (SlaClockKind kind : SlaClockKind.values()) {
            Duration previous = null;
            Priority previousPriority = null;
            for (Priority priority : Priority.values()) {
                Duration current = targets.get(priority).of(kind).nominal(workingDay);
                if (previous != null && current.compareTo(previous) > 0) {
                    throw new IllegalArgumentException("SLA " + scope + ": " + kind.code() + " target for " + priority.code()
                            + " (" + targets.get(priority).of(kind) + ") is longer than for " + previousPriority.code()
                            + " (" + targets.get(previousPriority).of(kind) + "); a higher priority must not get a longer deadline");
                }
                previous = current;
                previousPriority = priority;
            }
        }
    }
}
