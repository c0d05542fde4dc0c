package ru.otklik.analysis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "otklik.analysis")
public interface AnalysisConfig {

    /** Directory with the trained models, rules, routing table and gazetteer. */
    @WithDefault("nlp-models")
    Path modelsDir();

    /** Threads analysing posts; analysis is CPU-bound, so about the number of cores. */
    @WithDefault("2")
    int workers();

    /** How often the queue is polled when idle ("2s", "0.5s" or an ISO-8601 duration). */
    @WithDefault("2s")
    String pollInterval();

    /**
     * The complaint model's probability from which a post counts as an incident on the model's word alone
     * (rules decide regardless; see {@code nlp.IncidentDecider}). 0.9 was chosen on the dev part of the
     * hand-labelled social-media set: lower thresholds buy recall with false alarms (docs/nlp.md).
     */
    @WithDefault("0.9")
    double complaintThreshold();

    /** Posts claimed per round. */
    @WithDefault("64")
    int batchSize();

    /** A claim older than this is taken to belong to a crashed worker and is released. */
    @WithDefault("PT10M")
    Duration claimTimeout();
}
