package ru.otklik.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;
import org.jboss.logging.Logger;

/**
 * One embedded PostgreSQL per data directory and JVM. Kept across Quarkus restarts in one JVM (tests restart
 * the application per profile) so the database starts once; zonky's shutdown hook stops it with the JVM, and
 * a {@link ParentWatchdog} stops it when the JVM is killed. A postmaster that a killed run left behind anyway
 * is stopped before the start ({@link StalePostmaster}).
 */
public final class EmbeddedDatabase {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final ParentWatchdog watchdog;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, ParentWatchdog watchdog) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.watchdog = watchdog;
    }

    /** How the server is set up: the settings an operator may change (see README, "Configuration"). */
    record Settings(int port, boolean cleanStart, String synchronousCommit) {
    }

    static synchronized EmbeddedDatabase start(Path directory, Settings settings) {
        Path dir = directory.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(dir, d -> launch(d, settings));
    }

    private static EmbeddedDatabase launch(Path dir, Settings settings) {
        try {
            if (Files.exists(dir)) {
                StalePostmaster.clear(dir);
            }
            if (settings.cleanStart() && Files.exists(dir)) {
                // zonky's "clean data directory" deletes at close and runs initdb, which refuses a non-empty
                // directory: a killed run (or a packaged jar stopped by its test) left one, and the next start
                // failed. Clean start means empty at start.
                PathUtils.deleteDirectory(dir);
            }
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(settings.cleanStart())
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC")
                    // zonky's default is "off" (fast tests); an acknowledged post must survive a power failure
                    .setServerConfig("synchronous_commit", settings.synchronousCommit());
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            EmbeddedPostgres postgres = builder.start();
            long postmaster = StalePostmaster.pidIn(dir).orElseThrow(
                    () -> new IOException("PostgreSQL started but wrote no " + StalePostmaster.PID_FILE));
            ParentWatchdog watchdog = ParentWatchdog.watch(dir, postmaster);
            LOG.infof("Embedded PostgreSQL started on port %d with data in %s (synchronous_commit=%s)",
                    postgres.getPort(), dir, settings.synchronousCommit());
            return new EmbeddedDatabase(postgres, dir, watchdog);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dir + ": " + rootMessage(e)
                    + ". When running as root it needs 'unshare' (Debian package util-linux); "
                    + "or configure an external server with QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL.", e);
        }
    }

    /**
     * The JDBC URL of the embedded database of a data directory, started if need be: for commands that run
     * without Quarkus ({@code import-im --history}) and must reach the database the service uses.
     */
    public static String jdbcUrlOf(Path dataDir, int port, String synchronousCommit) {
        return start(dataDir.resolve("pg"), new Settings(port, false, synchronousCommit)).jdbcUrl();
    }

    String reactiveUrl() {
        return "postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

}
