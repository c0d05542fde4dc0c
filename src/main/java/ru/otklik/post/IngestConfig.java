package ru.otklik.post;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "otklik.ingest")
public interface IngestConfig {

    /**
     * How long background work (the analysis queue, near-duplicate linking) waits, each time, for this node's ingest
     * batches in flight to end ({@link IngestActivity}); 0 runs it beside the ingest.
     */
    @WithDefault("5s")
    Duration backgroundWait();
}
