package ru.otklik.im.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import ru.otklik.im.ImExport;
import ru.otklik.im.ImExportFixture;
import ru.otklik.im.Progress;
import ru.otklik.im.TopicMap;
import ru.otklik.incident.calendar.WorkingCalendar;
import ru.otklik.incident.sla.SlaPolicies;
import ru.otklik.nlp.cli.NlpCli;
import ru.otklik.post.AuthorPseudonymizer;
import ru.otklik.testing.TestDb;

/**
 * {@code import-im --history} on the test database: once through the command line (its own configuration,
 * Flyway and JDBC, as an operator runs it) and once more in-process; the second run changes nothing, and the
 * ratings show the imported agencies with the export's working times.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ImHistoryTest {

    private static final String IMPORTED = "select %s from incident where im_id like 'id:1000%%'";

    @Inject
    TestDb db;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    WorkingCalendar calendar;
    @Inject
    SlaPolicies policies;
    @Inject
    AuthorPseudonymizer pseudonymizer;

    @Test
    void loadsClosedIncidentsOnceAndTheRatingsShowTheirAgencies() throws Exception {
        ImExportFixture fixture = ImExportFixture.invented(3);
        Path dir = Files.createTempDirectory("im-history");
        Path xlsx = fixture.writeXlsx(dir.resolve("export.xlsx"), Set.of());

        assertThat(runCli(xlsx, dir.resolve("models"))).isZero();
        // 66 usable rows; the 3 of «Прочее» map to none and stay out until the operator maps them
        int expected = fixture.size() - ImExportFixture.BAD_ROWS - 3;
        assertThat(db.count(IMPORTED.formatted("count(*)"))).isEqualTo(expected);
        Map<String, Long> counts = counts();

        HistoryImport.Result again;
        try (HistoryImport history = new HistoryImport(dataSource.getConnection(), calendar, policies,
                pseudonymizer::pseudonymOf, Path.of("nlp-models"), new Progress(new PrintStream(OutputStream.nullOutputStream()), false))) {
            ImExport export = ImExport.read(xlsx, new Progress(new PrintStream(OutputStream.nullOutputStream()), false));
            again = history.load(export, TopicMap.auto(List.of(), Map.of()).with(dir.resolve("models/topic-map.tsv"),
                    ru.otklik.analysis.Rubric.load(Path.of("nlp-models/rules/rubric.tsv")).topics()));
        }
        assertThat(again.loaded()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(expected);
        assertThat(counts()).isEqualTo(counts);

        // what an incident carries: closed, its agency (known or a slug keeping ИМ's name), municipality, dates
        Map<String, Object> first = db.rows("""
                select i.status, i.topic, i.agency_code, a.name as agency_name, i.municipality_code, i.im_number,
                       i.im_type, i.im_outcome, i.im_first_response_working_seconds, i.im_first_response_met,
                       i.created_at, i.first_response_at, i.closed_at, i.answer_text, p.url, p.author_pseudonym,
                       p.author_handle, s.key as source
                from incident i join agency a on a.code = i.agency_code join incident_post m on m.incident_id = i.id
                join post p on p.id = m.post_id join source s on s.id = p.source_id where i.im_id = 'id:100001'""").get(0);
        assertThat(first).containsEntry("status", "closed").containsEntry("topic", "roads")
                .containsEntry("agency_code", "mintrans").containsEntry("municipality_code", "aleksin")
                .containsEntry("im_number", "ИМ-501").containsEntry("im_type", "problem")
                .containsEntry("im_outcome", "Дан ответ").containsEntry("im_first_response_met", true)
                .containsEntry("url", "https://vk.com/wall-1_1").containsEntry("source", "im-history")
                .containsEntry("author_handle", null)
                .containsEntry("author_pseudonym", pseudonymizer.pseudonymOf("https://vk.com/id7001"));
        assertThat(first.get("answer_text").toString()).startsWith("Здравствуйте! Ваше обращение рассмотрено");
        Instant created = instant(first.get("created_at"));
        assertThat(created).isEqualTo(OffsetDateTime.parse("2024-03-04T16:00:00+03:00").toInstant());
        // «2:30» of working time, read back on the same calendar the ratings use
        assertThat(calendar.workingTimeBetween(created, instant(first.get("first_response_at"))))
                .isEqualTo(Duration.ofMinutes(150));
        assertThat(instant(first.get("closed_at"))).isEqualTo(created.plus(Duration.ofDays(3)));
        assertThat(db.rows("select name from agency where code = ?", ImReferences.slug("ООО Тулатранс")))
                .containsExactly(Map.of("name", "ООО Тулатранс"));

        JsonPath ratings = given().queryParam("dimension", "agency").queryParam("from", "2024-03-01")
                .queryParam("to", "2024-05-01").get("/api/ratings").then().statusCode(200).extract().jsonPath();
        List<String> keys = ratings.getList("rows.key");
        assertThat(keys).contains("mintrans", "adm-tula", "minobr", "minprirody", ImReferences.slug("ООО Тулатранс"));
        Map<String, Object> tula = ratings.getMap("rows.find { it.key == 'adm-tula' }");
        assertThat(((Number) tula.get("received")).intValue()).isEqualTo(db.count(
                IMPORTED.formatted("count(*)") + " and agency_code = 'adm-tula'"));
        assertThat(((Number) tula.get("answered")).intValue()).isEqualTo(((Number) tula.get("received")).intValue());
        assertThat(tula.get("medianFirstResponseHours")).isNotNull();
        assertThat(tula.get("shareOnTime")).isNotNull();
    }

    /** {@code import-im --history} as an operator runs it, pointed at the test database. */
    private static int runCli(Path xlsx, Path out) {
        var config = ConfigProvider.getConfig();
        Map<String, String> props = Map.of(
                "quarkus.datasource.jdbc.url", config.getValue("quarkus.datasource.jdbc.url", String.class),
                "quarkus.datasource.username", config.getValue("quarkus.datasource.username", String.class),
                "quarkus.datasource.password", config.getValue("quarkus.datasource.password", String.class),
                "otklik.data-dir", config.getValue("otklik.data-dir", String.class));
        props.forEach(System::setProperty);
        try {
            return NlpCli.run(new String[] {"import-im", "--input", xlsx.toString(), "--out", out.toString(),
                    "--history", "--folds", "2"});
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
    }

    private Map<String, Long> counts() {
        return Map.of(
                "incident", db.count(IMPORTED.formatted("count(*)")),
                "post", db.count("select count(*) from post p join source s on s.id = p.source_id where s.key = 'im-history'"),
                "clock", db.count("select count(*) from incident_sla_clock where incident_id in (" + IMPORTED.formatted("id") + ")"),
                "event", db.count("select count(*) from incident_event where incident_id in (" + IMPORTED.formatted("id") + ")"),
                "changes", db.count("select count(*) from incident_change where incident_id in (" + IMPORTED.formatted("id") + ")"));
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
    }
}
