package ru.otklik.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code otklik.search.*}: the full-text index. */
@ConfigMapping(prefix = "otklik.search")
public interface SearchConfig {

    /**
     * How often what was indexed is committed (made durable, an fsync). Posts are searchable as soon as they
     * are indexed; a crash loses at most this much of the index, which the start-up check rebuilds from
     * PostgreSQL.
     */
    @WithDefault("30s")
    Duration commitInterval();
}
