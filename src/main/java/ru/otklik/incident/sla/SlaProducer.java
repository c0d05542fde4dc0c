package ru.otklik.incident.sla;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import ru.otklik.incident.calendar.WorkingCalendar;
import ru.otklik.incident.priority.Priority;

/** Builds the SLA policies and thresholds from {@link SlaConfig} (also for {@code import-im --history}, without CDI); a bad value stops the start with its key. */
public class SlaProducer {

    @Produces
    @Singleton
    public SlaPolicies slaPolicies(SlaConfig config, WorkingCalendar calendar) {
        Map<Priority, SlaTargets> defaults = new EnumMap<>(Priority.class);
        defaults.put(Priority.NORMAL, targets("normal", config.normal().firstResponse(), config.normal().resolution()));
        defaults.put(Priority.HIGH, targets("high", config.high().firstResponse(), config.high().resolution()));
        defaults.put(Priority.CRITICAL, targets("critical", config.critical().firstResponse(), config.critical().resolution()));
        Map<String, Map<Priority, SlaTargets>> byTopic = new HashMap<>();
        config.topics().forEach((topic, override) -> {
            Map<Priority, SlaTargets> targets = new EnumMap<>(Priority.class);
            put(targets, defaults, topic, Priority.NORMAL, override.normal());
            put(targets, defaults, topic, Priority.HIGH, override.high());
            put(targets, defaults, topic, Priority.CRITICAL, override.critical());
            byTopic.put(topic, targets);
        });
        return new SlaPolicies(defaults, byTopic, calendar.hours().fullDayLength());
    }

    @Produces
    @Singleton
    EscalationThresholds escalationThresholds(SlaConfig config) {
        return new EscalationThresholds(new TreeSet<>(config.warningPercents()));
    }

    @Produces
    @Singleton
    SlaEvaluator slaEvaluator(WorkingCalendar calendar, EscalationThresholds thresholds) {
        return new SlaEvaluator(calendar, thresholds);
    }

    private static void put(Map<Priority, SlaTargets> targets, Map<Priority, SlaTargets> defaults, String topic,
                            Priority priority, Optional<SlaConfig.PriorityOverride> override) {
        if (override.isEmpty()) {
            return;
        }
        SlaTargets base = defaults.get(priority);
        String prefix = "otklik.sla.topics." + topic + "." + priority.code();
        WorkTarget firstResponse = override.get().firstResponse().map(v -> parse(prefix + ".first-response", v))
                .orElse(base.firstResponse());
        WorkTarget resolution = override.get().resolution().map(v -> parse(prefix + ".resolution", v))
                .orElse(base.resolution());
        targets.put(priority, new SlaTargets(firstResponse, resolution));
    }

    private static SlaTargets targets(String priority, String firstResponse, String resolution) {
        return new SlaTargets(parse("otklik.sla." + priority + ".first-response", firstResponse),
                parse("otklik.sla." + priority + ".resolution", resolution));
    }

    private static WorkTarget parse(String key, String value) {
        try {
            return WorkTarget.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
