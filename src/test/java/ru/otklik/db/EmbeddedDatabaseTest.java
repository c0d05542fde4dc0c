package ru.otklik.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    // Under target/, not a JUnit temp directory: as root, initdb runs as "nobody" and cannot enter a root-only
    // temp directory.
    private static Path fresh(String name) throws Exception {
        Path pg = Path.of("target", "embedded-db-test", name, "pg").toAbsolutePath();
        if (Files.exists(pg)) {
            PathUtils.deleteDirectory(pg);
        }
        return Files.createDirectories(pg);
    }

    @Test
    void aCleanStartEmptiesWhatAKilledRunLeftBehind() throws Exception {
        // what a killed run leaves: a data directory that initdb refuses
        Path pg = fresh("clean");
        Files.writeString(pg.resolve("PG_VERSION"), "17\n");
        Files.createDirectories(pg.resolve("base"));

        EmbeddedDatabase db = EmbeddedDatabase.start(pg, new EmbeddedDatabase.Settings(0, true, "on"));

        assertThat(setting(db, "select count(*) from pg_database where datname = 'postgres'")).isEqualTo("1");
        // zonky's own default is off; an acknowledged commit must be on disk
        assertThat(setting(db, "show synchronous_commit")).isEqualTo("on");
    }

    @Test
    void aPostmasterLeftRunningByAKilledParentIsStoppedAndTheStartSucceeds() throws Exception {
        Path pg = fresh("orphan");
        // what a kill -9 leaves: a postmaster on the data directory that no live Otklik started. Run here as
        // a process of its own with the command line zonky used (zonky's own instance would hold this JVM's lock).
        EmbeddedPostgres first = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start();
        ProcessHandle.Info postmaster = ProcessHandle.of(StalePostmaster.pidIn(pg).orElseThrow()).orElseThrow().info();
        first.close();
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(postmaster.command().orElseThrow());
        command.addAll(List.of(postmaster.arguments().orElseThrow()));
        Process orphan = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> StalePostmaster.pidIn(pg).orElse(-1) == orphan.pid()
                && Files.readString(pg.resolve(StalePostmaster.PID_FILE)).contains("ready"));
        assertThat(StalePostmaster.isPostmasterOf(orphan.toHandle(), pg)).isTrue();

        EmbeddedDatabase db = EmbeddedDatabase.start(pg, new EmbeddedDatabase.Settings(0, false, "on"));

        assertThat(orphan.isAlive()).isFalse();
        assertThat(StalePostmaster.pidIn(pg).orElseThrow()).isNotEqualTo(orphan.pid());
        assertThat(setting(db, "select 1")).isEqualTo("1");
    }

    @Test
    void aPidFileNamingAProcessThatIsNotOurPostgresIsRemovedWithoutTouchingTheProcess() throws Exception {
        Path pg = fresh("stale");
        // after a reboot the pid in the file may belong to anything, here this very JVM
        Files.writeString(pg.resolve(StalePostmaster.PID_FILE), ProcessHandle.current().pid() + "\n" + pg + "\n");

        StalePostmaster.clear(pg);

        assertThat(pg.resolve(StalePostmaster.PID_FILE)).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    private static String setting(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
             ResultSet r = c.createStatement().executeQuery(sql)) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }
}
