package ru.otklik.incident.priority;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds {@link PriorityRules} from {@link PriorityConfig}. */
public class PriorityProducer {

    @Produces
    @Singleton
    PriorityRules priorityRules(PriorityConfig config) {
        return new PriorityRules(
                new PriorityThresholds(config.high().conflictScore(), config.high().reach(), config.high().growth()),
                new PriorityThresholds(config.critical().conflictScore(), config.critical().reach(), config.critical().growth()),
                config.growthWindow());
    }
}
