package ru.otklik.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    @Test
    void aCleanStartEmptiesWhatAKilledRunLeftBehind() throws Exception {
        // what a killed run leaves: a data directory that initdb refuses. Under target/, not a JUnit temp
        // directory: as root, initdb runs as "nobody" and cannot enter a root-only temp directory.
        Path pg = Files.createDirectories(Path.of("target", "embedded-db-test", "pg"));
        Files.writeString(pg.resolve("PG_VERSION"), "17\n");
        Files.createDirectories(pg.resolve("base"));

        EmbeddedDatabase db = EmbeddedDatabase.start(pg, 0, true);

        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
             ResultSet r = c.createStatement().executeQuery("select count(*) from pg_database where datname = 'postgres'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(1);
        }
    }
}
