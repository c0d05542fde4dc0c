package ru.otklik.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "otklik.incidents")
public interface IncidentConfig {

    /** Time allowed for the agency's first response, in calendar time. */
    @WithDefault("PT24H")
    Duration firstResponse();

    /** Time allowed to resolve the problem, in calendar time. */
    @WithDefault("P8D")
    Duration resolution();

    /** A conflict score at or above this makes a new incident high priority. */
    @WithDefault("0.8")
    double highPriorityConflict();
}
