package ru.otklik.incident.grouping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code otklik.grouping.*}: when a complaint joins an open incident instead of opening one. */
@ConfigMapping(prefix = "otklik.grouping")
public interface GroupingConfig {

    /** A complaint joins only an incident last seen at most this long before (or after) it. */
    @WithDefault("72h")
    Duration window();

    /** Minimum cosine similarity of stemmed terms between the complaint and the incident's posts. */
    @WithDefault("0.3")
    double minSimilarity();
}
