package ru.otklik.db;

import static ru.otklik.common.ConfigValues.isSet;
import static ru.otklik.common.ConfigValues.valueOr;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL when the operator configured none.
 *
 * <p>It runs only at {@link ExecutionMode#RUNTIME_INIT}: the build and static init must never start a
 * database, and an operator's {@code QUARKUS_DATASOURCE_REACTIVE_URL}/{@code _JDBC_URL} always wins.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    /** Below the defaults of env (300) and application.properties (250), so any explicit setting wins. */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT
                || isSet(context.getValue(REACTIVE_URL))
                || isSet(context.getValue(JDBC_URL))) {
            return List.of();
        }
        Path dataDir = Path.of(valueOr(context.getValue("otklik.data-dir"), "./data"));
        EmbeddedDatabase.Settings settings = new EmbeddedDatabase.Settings(
                Integer.parseInt(valueOr(context.getValue("otklik.embedded-db.port"), "0")),
                Boolean.parseBoolean(valueOr(context.getValue("otklik.embedded-db.clean-start"), "false")),
                valueOr(context.getValue("otklik.embedded-db.synchronous-commit"), "on"));
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("pg"), settings);
        return List.of(new MapBackedConfigSource("otklik-embedded-postgres", Map.of(
                REACTIVE_URL, db.reactiveUrl(),
                JDBC_URL, db.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.PASSWORD), ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
