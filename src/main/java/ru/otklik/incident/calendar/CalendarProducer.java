package ru.otklik.incident.calendar;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Builds the one shared {@link WorkingCalendar} from configuration at start (and for {@code import-im --history}, without CDI). */
public class CalendarProducer {

    private static final Logger LOG = Logger.getLogger(CalendarProducer.class);

    @Produces
    @Singleton
    public WorkingCalendar workingCalendar(CalendarConfig config, Clock clock) {
        ProductionCalendar production = config.file()
                .map(file -> ProductionCalendarFile.load(Path.of(file)))
                .orElseGet(ProductionCalendarFile::bundled);
        ZoneId zone = ZoneId.of(config.zone());
        WorkingHours hours = workingHours(config);
        int year = clock.instant().atZone(zone).getYear();
        for (int y = year; y <= year + 1; y++) {
            if (!production.covers(y)) {
                // Deadlines still run on the Labour Code rules, but decree transfers are unknown.
                LOG.warnf("Production calendar has no data for %d: deadlines use Art. 112/95 of the Labour Code only; "
                        + "add the year's decree to %s", y, config.file().orElse(ProductionCalendarFile.BUNDLED_RESOURCE));
            }
        }
        return new WorkingCalendar(zone, hours, production);
    }

    static WorkingHours workingHours(CalendarConfig config) {
        String lunch = config.lunchBreak().strip();
        Optional<LocalTime> lunchStart = Optional.empty();
        Optional<LocalTime> lunchEnd = Optional.empty();
        if (!lunch.isEmpty() && !lunch.equalsIgnoreCase("none")) {
            String[] parts = lunch.split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("otklik.calendar.lunch-break must be HH:mm-HH:mm or none, got '" + lunch + "'");
            }
            lunchStart = Optional.of(LocalTime.parse(parts[0].strip()));
            lunchEnd = Optional.of(LocalTime.parse(parts[1].strip()));
        }
        return new WorkingHours(config.dayStart(), config.dayEnd(), lunchStart, lunchEnd, config.shortDayReduction());
    }
}
