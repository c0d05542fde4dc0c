package ru.otklik.incident.priority;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code otklik.priority.*}: thresholds for high and critical priority and the window over which
 * growth (posts joining an incident) is counted.
 */
@ConfigMapping(prefix = "otklik.priority")
public interface PriorityConfig {

    High high();

    Critical critical();

    @WithDefault("24h")
    Duration growthWindow();

    interface High {
        @WithDefault("0.5")
        double conflictScore();

        @WithDefault("5000")
        long reach();

        @WithDefault("5")
        int growth();
    }

    interface Critical {
        @WithDefault("0.8")
        double conflictScore();

        @WithDefault("50000")
        long reach();

        @WithDefault("20")
        int growth();
    }
}
