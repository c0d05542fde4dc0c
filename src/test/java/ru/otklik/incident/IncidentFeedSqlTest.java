package ru.otklik.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmark's feed limit runs the service's own page SQL: bench/feed-page.sql may not drift from it. */
class IncidentFeedSqlTest {

    @Test
    void theBenchmarkScriptIsTheServicesPageSql() throws Exception {
        assertThat(Files.readString(Path.of("bench/feed-page.sql"))).isEqualTo(IncidentFeedQuery.forPgbench());
    }

    @Test
    void filtersGoIntoBothHalvesOfThePage() {
        assertThat(IncidentFeedQuery.PAGE.split("/\\* filters \\*/", -1)).hasSize(3);
    }
}
