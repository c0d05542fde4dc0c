package ru.otklik.im;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import ru.otklik.common.TsvFile;
import ru.otklik.nlp.data.Csv;

/**
 * Builds export-shaped files for the import-im tests. The texts are the Kursk appeals of
 * {@code ../shared/datasets} when present (text; Категория → an ИМ topic group; Ответственное лицо →
 * «Исполнитель»), else the committed invented set {@code src/test/resources/im/invented-incidents.tsv}; either
 * way with officials' answers, dates in Excel date cells and as text, working times in every accepted form,
 * and three bad rows (two without text, one with an impossible date). Nothing from the datasets is written
 * anywhere but the test's temporary directory.
 */
public final class ImExportFixture {

    /** Rows left out as bad by every fixture: no text (twice), unreadable «Дата создания» (once). */
    public static final int BAD_ROWS = 3;
    /** {@code -Dotklik.shared=DIR} points elsewhere than {@code ../shared}. */
    public static final Path KURSK = Path.of(System.getProperty("otklik.shared", "../shared"),
            "datasets/kursk-citizen-appeals/train_dataset_train.csv");

    static final List<String> HEADERS = List.of("ID", "Номер инцидента", "Исполнитель", "Дата создания",
            "Дата окончания", "Группа тем", "Тема", "Регион", "Муниципалитет", "Тип инцидента", "Итог", "Урл поста",
            "Урл блога", "Текст инцидента", "Общий текст первого ответа", "1ый ответ ПИ",
            "Время с даты создания инцидента до времени первого ответа, рабочее время",
            "Уложились или нет после назн. ПИ");

    /** ИМ's own group names for the Kursk categories (by rubric code); other codes keep the rubric's name. */
    private static final Map<String, String> IM_GROUPS = Map.of("roads", "Дороги", "housing_utilities", "ЖКХ",
            "health", "Здравоохранение", "education", "Образование", "transport", "Общественный транспорт",
            "social_protection", "Социальное обслуживание и защита", "ecology", "Обращение с отходами");
    private static final List<String> PLACES = List.of("г. Тула", "Алексин", "Белёвский район", "город Тула",
            "Нигдеград");

    private final List<Map<String, Object>> rows;

    private ImExportFixture(List<Map<String, Object>> rows) {
        this.rows = rows;
    }

    /** Real texts when the shared datasets are there, at most {@code limit} of them; invented otherwise. */
    public static ImExportFixture build(int limit) throws IOException {
        return Files.isRegularFile(KURSK) ? kursk(limit) : invented(3);
    }

    /** The invented incidents, each repeated {@code copies} times with its copy number in the text. */
    public static ImExportFixture invented(int copies) {
        List<String[]> base = new ArrayList<>();
        for (TsvFile.Row r : TsvFile.read(Path.of("src/test/resources/im/invented-incidents.tsv"), 4)) {
            base.add(new String[] {r.get(0), r.get(1), r.get(2), r.get(3)});
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (String[] b : base) {
                String text = c == 0 ? b[3] : b[3] + ", пишу уже " + (c + 1) + "-й раз";
                rows.add(row(rows.size(), b[1], b[0], b[2], text));
            }
        }
        addOddRows(rows);
        return new ImExportFixture(rows);
    }

    private static ImExportFixture kursk(int limit) throws IOException {
        Map<String, String> codeByCategory = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (TsvFile.Row r : TsvFile.read(Path.of("nlp-models/rules/rubric.tsv"), 3)) {
            codeByCategory.put(r.get(2), r.get(0));
            names.put(r.get(0), r.get(1));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, String> k : Csv.read(KURSK, ',')) {
            String code = codeByCategory.get(k.getOrDefault("Категория", "").strip());
            String text = k.getOrDefault("Текст Сообщения", "");
            if (code == null || text.isBlank() || rows.size() >= limit) {
                continue;
            }
            String group = code.equals("housing_utilities") && rows.size() % 2 == 0 ? "Благоустройство"
                    : IM_GROUPS.getOrDefault(code, names.get(code));
            rows.add(row(rows.size(), k.getOrDefault("Ответственное лицо", "").strip(), group,
                    text.contains("?") ? "Информационный" : "Решаемый", text));
        }
        addOddRows(rows);
        return new ImExportFixture(rows);
    }

    private static Map<String, Object> row(int n, String executor, String group, String type, String text) {
        Map<String, Object> r = new HashMap<>();
        LocalDateTime created = LocalDateTime.of(2024, 3, 4, 9, 0).plusHours(7L * n);
        r.put("ID", String.valueOf(100_000 + n));
        r.put("Номер инцидента", "ИМ-" + (500 + n));
        r.put("Исполнитель", executor);
        r.put("Дата создания", n % 5 == 1 ? created.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss"))
                : n % 5 == 2 ? created.toString() : created);
        r.put("Дата окончания", created.plusDays(3));
        r.put("Группа тем", group);
        r.put("Тема", group + ": прочее");
        r.put("Регион", "Тульская область");
        r.put("Муниципалитет", PLACES.get(n % PLACES.size()));
        r.put("Тип инцидента", type);
        r.put("Итог", n % 3 == 0 ? "Решено" : "Дан ответ");
        r.put("Урл поста", "https://vk.com/wall-1_" + n);
        r.put("Урл блога", "https://vk.com/id" + (7000 + n % 11));
        r.put("Текст инцидента", n % 4 == 0 ? "'" + text : text);
        r.put("Общий текст первого ответа", "Здравствуйте! Ваше обращение рассмотрено, специалисты "
                + (n % 2 == 0 ? "выехали на место и устранят нарушение в установленные сроки." 
                        : "дадут разъяснения по телефону горячей линии.") + " С уважением, " + executor + ".");
        if (n % 3 == 0) {
            r.put("1ый ответ ПИ", "Добрый день. Информация принята в работу, срок исполнения до конца недели.");
        }
        r.put("Время с даты создания инцидента до времени первого ответа, рабочее время",
                n % 4 == 0 ? (Object) (1.5 + n % 6) : n % 4 == 1 ? "2:30" : n % 4 == 2 ? "3 ч 15 мин" : "0,75");
        r.put("Уложились или нет после назн. ПИ", n % 7 == 0 ? "Нет" : "Да");
        return r;
    }

    /** A VK-styled text, and the bad rows. */
    private static void addOddRows(List<Map<String, Object>> rows) {
        Map<String, Object> styled = row(rows.size(), "Администрация города Тула", "ЖКХ", "Решаемый",
                "[club123|Администрация Тулы], у нас во дворе<br>нет света 😡 уже неделю!<br/>Сделайте что-нибудь");
        styled.put("Дата создания", "05.03.2024 10:15");
        rows.add(styled);
        Map<String, Object> noText = row(rows.size(), "Администрация города Тула", "ЖКХ", "Решаемый", "");
        noText.remove("Текст инцидента");
        rows.add(noText);
        Map<String, Object> apostrophe = row(rows.size(), "Администрация города Тула", "ЖКХ", "Решаемый", "");
        apostrophe.put("Текст инцидента", "'");
        rows.add(apostrophe);
        Map<String, Object> badDate = row(rows.size(), "Администрация города Тула", "ЖКХ", "Решаемый",
                "Опять нет воды");
        badDate.put("Дата создания", "32.13.2024 25:00");
        rows.add(badDate);
    }

    public int size() {
        return rows.size();
    }

    /** The usable rows, their texts as the export has them. */
    public List<Map<String, Object>> rows() {
        return rows;
    }

    /** Writes an .xlsx with every column but {@code omit}; dates given as date-times go into date cells. */
    public Path writeXlsx(Path file, Set<String> omit) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd.mm.yyyy hh:mm:ss"));
            Sheet sheet = book.createSheet("Инциденты");
            List<String> headers = HEADERS.stream().filter(h -> !omit.contains(h)).toList();
            Row head = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                // real exports are not tidy about headers
                head.createCell(c).setCellValue(c % 3 == 0 ? " " + headers.get(c).toUpperCase() + " " : headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < headers.size(); c++) {
                    Object v = rows.get(r).get(headers.get(c));
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof LocalDateTime t) {
                        cell.setCellValue(t);
                        cell.setCellStyle(date);
                    } else if (v instanceof Double d) {
                        cell.setCellValue(d);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
        }
        return file;
    }

    /** Writes a CSV as a Russian Excel saves it: UTF-8 with a BOM, ';', quoted where needed, dd.MM.yyyy dates. */
    public Path writeCsv(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(";", HEADERS.stream().map(ImExportFixture::quote).toList())).append("\r\n");
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String h : HEADERS) {
                Object v = r.get(h);
                cells.add(v == null ? "" : quote(v instanceof LocalDateTime t
                        ? t.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss"))
                        : v instanceof Double d ? String.valueOf(d).replace('.', ',') : v.toString()));
            }
            sb.append(String.join(";", cells)).append("\r\n");
        }
        return Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static String quote(String v) {
        return v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains(",")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
