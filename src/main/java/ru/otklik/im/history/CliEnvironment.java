package ru.otklik.im.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

import org.flywaydb.core.Flyway;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import ru.otklik.common.OtklikConfig;
import ru.otklik.db.EmbeddedDatabase;
import ru.otklik.im.Progress;
import ru.otklik.incident.calendar.CalendarConfig;
import ru.otklik.incident.calendar.CalendarProducer;
import ru.otklik.incident.calendar.WorkingCalendar;
import ru.otklik.incident.sla.SlaConfig;
import ru.otklik.incident.sla.SlaProducer;
import ru.otklik.nlp.ModelsDir;
import ru.otklik.post.AuthorPseudonymizer;

/**
 * The service's configuration and database for a command that runs without Quarkus. Why not Quarkus command
 * mode: starting the application would also start the crawlers, the analysis workers, the schedulers and the
 * HTTP port of a second service next to a running one. So the command reads the same sources the service
 * reads — system properties, environment ({@code QUARKUS_DATASOURCE_JDBC_URL}, {@code OTKLIK_CALENDAR_*},
 * {@code OTKLIK_SLA_*}, {@code OTKLIK_PSEUDONYM_SECRET} …), {@code ./config/application.properties} and the
 * packaged {@code application.properties} — into the same typed mappings, migrates the schema with the same
 * Flyway scripts, and otherwise uses the embedded PostgreSQL of the data directory exactly as the service
 * would (so the service must not be running on it at the same time).
 */
final class CliEnvironment {

    private final SmallRyeConfig config;

    private CliEnvironment(SmallRyeConfig config) {
        this.config = config;
    }

    static CliEnvironment load() {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultSources().withProfile("prod")
                .withValidateUnknown(false)
                // Quarkus's reading of durations ("1h", "8d"), which the service's configuration uses
                .withConverter(java.time.Duration.class, 200, new DurationConverter())
                .withMapping(OtklikConfig.class).withMapping(CalendarConfig.class).withMapping(SlaConfig.class);
        URL packaged = CliEnvironment.class.getClassLoader().getResource("application.properties");
        try {
            if (packaged != null) {
                builder.withSources(new PropertiesConfigSource(packaged, 250));
            }
            Path local = Path.of("config", "application.properties");
            if (Files.isRegularFile(local)) {
                builder.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read application.properties", e);
        }
        return new CliEnvironment(builder.build());
    }

    HistoryImport historyImport(Progress progress) {
        OtklikConfig otklik = config.getConfigMapping(OtklikConfig.class);
        WorkingCalendar calendar = new CalendarProducer().workingCalendar(config.getConfigMapping(CalendarConfig.class),
                Clock.systemUTC());
        Connection connection = connect(otklik, progress);
        return new HistoryImport(connection, calendar,
                new SlaProducer().slaPolicies(config.getConfigMapping(SlaConfig.class), calendar),
                new AuthorPseudonymizer(otklik)::pseudonymOf, ModelsDir.resolve(), progress);
    }

    /** The configured datasource, else the data directory's embedded database; migrated to the current schema. */
    private Connection connect(OtklikConfig otklik, Progress progress) {
        Optional<String> jdbc = value("quarkus.datasource.jdbc.url")
                .or(() -> value("quarkus.datasource.reactive.url").map(url -> "jdbc:" + url.replaceFirst("^vertx-reactive:", "")));
        String url;
        String user;
        String password;
        if (jdbc.isPresent()) {
            url = jdbc.get();
            user = value("quarkus.datasource.username").orElse(null);
            password = value("quarkus.datasource.password").orElse(null);
        } else {
            url = EmbeddedDatabase.jdbcUrlOf(otklik.dataDir(), otklik.embeddedDb().port(),
                    otklik.embeddedDb().synchronousCommit());
            user = EmbeddedDatabase.USER;
            password = EmbeddedDatabase.PASSWORD;
        }
        progress.say("[import-im] database " + url.replaceAll("//[^@/]*@", "//…@"));
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot connect to " + url + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    }
}
