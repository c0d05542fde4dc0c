package ru.otklik.rating.picture;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code otklik.picture.*}: spike detection in the weekly regional picture. */
@ConfigMapping(prefix = "otklik.picture")
public interface PictureConfig {

    /** Trailing weeks whose mean is the baseline. */
    @WithDefault("4")
    int baselineWeeks();

    /** A week is a spike at this multiple of the baseline or more… */
    @WithDefault("2.0")
    double spikeFactor();

    /** …and with at least this many incidents. */
    @WithDefault("3")
    int spikeMinCount();
}
