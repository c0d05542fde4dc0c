package ru.otklik.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static ru.otklik.security.TestCredentials.as;
import static ru.otklik.security.TestCredentials.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ru.otklik.security.Roles;
import ru.otklik.security.TestCredentials;
import ru.otklik.testing.TestDb;

/**
 * Incidents made from real posts come out in «Инцидент Менеджмент»'s columns, in .xlsx and .csv alike, and an
 * agency gets only its own.
 */
@QuarkusTest
class ImExportTest {

    @Inject
    TestDb db;

    private long incidentOf(String source, String externalId) {
        await().atMost(Duration.ofSeconds(90)).until(() -> db.count("""
                select count(*) from incident_post ip join post p on p.id = ip.post_id join source s on s.id = p.source_id
                where s.key = ? and p.external_id = ?""", source, externalId) == 1);
        return ((Number) db.rows("""
                select ip.incident_id from incident_post ip join post p on p.id = ip.post_id join source s on s.id = p.source_id
                where s.key = ? and p.external_id = ?""", source, externalId).get(0).get("incident_id")).longValue();
    }

    @Test
    void incidentsComeOutInImColumnsAndAnAgencyGetsOnlyItsOwn() throws IOException {
        // texts and dates of their own: no other test's complaint joins these incidents, which this test answers
        String source = "im-export-" + UUID.randomUUID();
        asAdmin().contentType(ContentType.JSON).body("""
                [{"source": "%1$s", "externalId": "1", "url": "https://vk.com/wall-1_101", "author": "id1",
                  "text": "В Новомосковске на улице Трудовые резервы провалился асфальт у остановки, огромные ямы на полдороги",
                  "publishedAt": "2026-09-15T10:00:00Z"},
                 {"source": "%1$s", "externalId": "2", "url": "https://vk.com/wall-1_102", "author": "id2",
                  "text": "В Туле на Зеленстрое в доме 7 неделю нет горячей воды, управляющая компания не отвечает",
                  "publishedAt": "2026-09-15T11:00:00Z"}]""".formatted(source)).post("/api/posts").then().statusCode(200);
        long roads = incidentOf(source, "1");
        long water = incidentOf(source, "2");
        asAdmin().contentType(ContentType.JSON).body(Map.of("to", "assigned", "agency", "adm-novomoskovsk"))
                .post("/api/incidents/{id}/transitions", roads).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("to", "answered", "answerText", "Ямочный ремонт запланирован на 12 мая"))
                .post("/api/incidents/{id}/transitions", roads).then().statusCode(200);

        Map<Long, Map<String, String>> xlsx = xlsx(asAdmin().get("/api/incidents/export.xlsx").then().statusCode(200)
                .header("Content-Disposition", containsString(".xlsx")).extract().asByteArray());
        Map<String, String> row = xlsx.get(roads);
        assertThat(row.get(ImColumn.NUMBER.header())).isEqualTo(ImExportRow.number(roads));
        assertThat(row.get(ImColumn.EXECUTOR.header())).contains("Новомосковск");
        assertThat(row.get(ImColumn.TOPIC_GROUP.header())).isEqualTo("Дороги");
        assertThat(row.get(ImColumn.MUNICIPALITY.header())).contains("Новомосковск");
        assertThat(row.get(ImColumn.POST_URL.header())).isEqualTo("https://vk.com/wall-1_101");
        assertThat(row.get(ImColumn.TEXT.header())).contains("огромные ямы");
        assertThat(row.get(ImColumn.FIRST_ANSWER.header())).isEqualTo("Ямочный ремонт запланирован на 12 мая");
        assertThat(row.get(ImColumn.OUTCOME.header())).isEqualTo("Дан ответ");
        assertThat(row.get(ImColumn.TYPE.header())).isEqualTo("Решаемый");
        assertThat(Double.parseDouble(row.get(ImColumn.FIRST_RESPONSE_WORKING.header()))).isBetween(0.0, 8.0);
        assertThat(row.get(ImColumn.DEADLINE_MET.header())).isEqualTo("Да");
        assertThat(row.get(ImColumn.CREATED.header())).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}");
        assertThat(xlsx.get(water).get(ImColumn.TOPIC_GROUP.header())).isEqualTo("ЖКХ и благоустройство");
        assertThat(xlsx.get(water).get(ImColumn.FIRST_ANSWER.header())).isEmpty();

        byte[] csvBytes = asAdmin().get("/api/incidents/export.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        assertThat(new String(csvBytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        Map<Long, Map<String, String>> csv = csv(csvBytes);
        assertThat(csv.keySet()).isEqualTo(xlsx.keySet());
        for (String column : List.of(ImColumn.EXECUTOR.header(), ImColumn.TOPIC_GROUP.header(), ImColumn.TEXT.header(), ImColumn.FIRST_ANSWER.header(),
                ImColumn.CREATED.header(), ImColumn.DEADLINE_MET.header(), ImColumn.OUTCOME.header())) {
            assertThat(csv.get(roads).get(column)).as(column).isEqualTo(row.get(column));
        }

        byte[] workbook = asAdmin().get("/api/incidents/export.xlsx").then().extract().asByteArray();
        assertReadBackByTheImporter(workbook, "xlsx", roads);
        assertReadBackByTheImporter(csvBytes, "csv", roads);

        String agencyUser = TestCredentials.user(Roles.AGENCY, "adm-novomoskovsk");
        Map<Long, Map<String, String>> own = csv(as(agencyUser).get("/api/incidents/export.csv").then().statusCode(200)
                .extract().asByteArray());
        assertThat(own).containsKey(roads).doesNotContainKey(water);
        assertThat(own.values()).allSatisfy(r -> assertThat(r.get(ImColumn.EXECUTOR.header())).contains("Новомосковск"));

        asAdmin().queryParam("to", "+999999999-12-31").get("/api/incidents/export.csv").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("диапазона"));
        asAdmin().queryParam("from", "2026-13-01").get("/api/incidents/export.csv").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("from"));
        asAdmin().queryParam("from", "2026-12-01").queryParam("to", "2026-11-01").get("/api/incidents/export.xlsx")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** import-im's reader takes our export back: the same incident, its dates, answer and working time. */
    private void assertReadBackByTheImporter(byte[] bytes, String extension, long id) throws IOException {
        Path file = Files.createTempFile("otklik-export", "." + extension);
        try {
            Files.write(file, bytes);
            ImExport read = ImExport.read(file, new Progress(new PrintStream(OutputStream.nullOutputStream()), false));
            assertThat(read.badRows()).isZero();
            ImIncident incident = read.incidents().stream().filter(i -> i.id().equals(Long.toString(id))).findFirst().orElseThrow();
            Map<String, Object> stored = db.rows("select created_at, answer_text from incident where id = ?", id).get(0);
            Instant created = ((java.sql.Timestamp) stored.get("created_at")).toInstant();
            assertThat(incident.created()).contains(created.truncatedTo(ChronoUnit.SECONDS));
            assertThat(incident.number()).isEqualTo(ImExportRow.number(id));
            assertThat(incident.topicGroup()).isEqualTo("Дороги");
            assertThat(incident.answers()).containsExactly((String) stored.get("answer_text"));
            assertThat(incident.text()).contains("огромные ямы");
            assertThat(incident.firstResponse()).isPresent();
            assertThat(incident.deadlineMet()).contains(true);
            assertThat(incident.type()).contains("problem");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Rows by «ID», every cell as ИМ's reader would show it (dates dd.MM.yyyy HH:mm:ss). */
    private static Map<Long, Map<String, String>> xlsx(byte[] bytes) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).isEqualTo(ImExportRow.COLUMNS.stream().map(ImColumn::header).toList());
            DataFormatter format = new DataFormatter();
            Map<Long, Map<String, String>> rows = new LinkedHashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> cells = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    Cell cell = row.getCell(c);
                    String value;
                    if (cell == null) {
                        value = "";
                    } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        value = ImExportFormat.DATE.format(cell.getLocalDateTimeCellValue());
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        double v = cell.getNumericCellValue();
                        value = v == Math.rint(v) && header.get(c).equals(ImColumn.ID.header()) ? Long.toString((long) v) : Double.toString(v);
                    } else {
                        value = format.formatCellValue(cell);
                    }
                    cells.put(header.get(c), value);
                }
                rows.put(Long.parseLong(cells.get(ImColumn.ID.header())), cells);
            }
            return rows;
        }
    }

    private static Map<Long, Map<String, String>> csv(byte[] bytes) throws IOException {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8)) {
            Map<Long, Map<String, String>> rows = new LinkedHashMap<>();
            for (CSVRecord record : CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setHeader()
                    .setSkipHeaderRecord(true).get().parse(reader)) {
                assertThat(record.getParser().getHeaderNames()).isEqualTo(ImExportRow.COLUMNS.stream().map(ImColumn::header).toList());
                rows.put(Long.parseLong(record.get(ImColumn.ID.header())), record.toMap());
            }
            return rows;
        }
    }
}
