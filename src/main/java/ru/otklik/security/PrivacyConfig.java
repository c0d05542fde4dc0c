package ru.otklik.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Personal data (152-ФЗ): how long raw author identities are kept. */
@ConfigMapping(prefix = "otklik.privacy")
public interface PrivacyConfig {

    /** Raw author handles, names and source payloads of posts stored longer ago than this are removed. */
    @WithDefault("P180D")
    Duration retention();

    /** How often the retention job runs ("6h", "PT6H"; "off" stops the schedule). */
    @WithDefault("6h")
    String every();

    /** Posts cleared per statement, so the job never holds many row locks at once. */
    @WithDefault("5000")
    int batchSize();
}
