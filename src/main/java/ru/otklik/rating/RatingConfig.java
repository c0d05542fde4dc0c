package ru.otklik.rating;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code otklik.rating.*}: settings of the agency and municipality ratings. */
@ConfigMapping(prefix = "otklik.rating")
public interface RatingConfig {

    /** Incidents received in the period below which an agency or municipality gets no rank. */
    @WithDefault("10")
    int minSample();
}
