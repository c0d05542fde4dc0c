package ru.otklik.incident.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code otklik.sla.*}: SLA targets and escalation thresholds. Targets are working time:
 * {@code 90m}, {@code 4h} or {@code 8d}.
 *
 * <pre>
 * otklik.sla.normal.first-response=8h      otklik.sla.normal.resolution=8d
 * otklik.sla.high.first-response=4h        otklik.sla.high.resolution=5d
 * otklik.sla.critical.first-response=4h    otklik.sla.critical.resolution=3d
 * otklik.sla.topics.roads.critical.resolution=2d   # per topic, per priority; unset keys use the defaults
 * otklik.sla.warning-percents=70,90                # overdue (100 %) is always an escalation
 * otklik.sla.on-reassignment=keep                  # keep | restart
 * </pre>
 */
@ConfigMapping(prefix = "otklik.sla")
public interface SlaConfig {

    Normal normal();

    High high();

    Critical critical();

    /** Per-topic overrides keyed by rubric code. */
    Map<String, TopicOverride> topics();

    /** Warning thresholds in percent of each target; escalation at 100 % is implied. */
    @WithDefault("70,90")
    List<Integer> warningPercents();

    /** What reassignment to another agency does to the clocks. */
    @WithDefault("keep")
    ReassignmentPolicy onReassignment();

    interface Normal {
        @WithDefault("8h")
        String firstResponse();

        @WithDefault("8d")
        String resolution();
    }

    interface High {
        @WithDefault("4h")
        String firstResponse();

        @WithDefault("5d")
        String resolution();
    }

    interface Critical {
        @WithDefault("4h")
        String firstResponse();

        @WithDefault("3d")
        String resolution();
    }

    interface TopicOverride {
        Optional<PriorityOverride> normal();

        Optional<PriorityOverride> high();

        Optional<PriorityOverride> critical();
    }

    interface PriorityOverride {
        Optional<String> firstResponse();

        Optional<String> resolution();
    }
}
