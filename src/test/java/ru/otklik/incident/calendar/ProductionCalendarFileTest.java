package ru.otklik.incident.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductionCalendarFileTest {

    private static ProductionCalendar parse(String text) throws IOException {
        return ProductionCalendarFile.parse(new StringReader(text), "test.tsv");
    }

    @Test
    void readsYearsEntriesAndComments() throws IOException {
        ProductionCalendar calendar = parse("""
                # comment line
                year 2030 Постановление № 1  # trailing comment
                2030-01-09	day_off	перенос
                2030-02-02 working
                2030-02-22 short предпраздничный
                2030-07-01 holiday новый праздник
                """);
        assertTrue(calendar.covers(2030));
        assertEquals("Постановление № 1", calendar.sourceOf(2030));
        assertEquals(DayKind.DAY_OFF, calendar.kindOf(LocalDate.of(2030, 1, 9)));
        assertEquals(DayKind.WORKING, calendar.kindOf(LocalDate.of(2030, 2, 2)));
        assertEquals(DayKind.SHORT, calendar.kindOf(LocalDate.of(2030, 2, 22)));
        assertEquals(DayKind.HOLIDAY, calendar.kindOf(LocalDate.of(2030, 7, 1)));
        // unlisted days of a covered year: Art. 112 and the five-day week
        assertEquals(DayKind.HOLIDAY, calendar.kindOf(LocalDate.of(2030, 6, 12)));
        assertEquals(DayKind.WEEKEND, calendar.kindOf(LocalDate.of(2030, 2, 3)));
        assertEquals(DayKind.WORKING, calendar.kindOf(LocalDate.of(2030, 2, 4)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "year 2030 A;2030-13-01 day_off|line 2: '2030-13-01' is not a date",
        "year 2030 A;2030-01-09 off|line 2: unknown day kind 'off'",
        "year 2030 A;2030-01-09 day_off;2030-01-09 short|line 3: 2030-01-09 is already listed on line 2",
        "year 2030 A;2031-01-09 day_off|line 2: 2031-01-09 belongs to 2031, which has no 'year' line",
        "year 2030 A;2030-01-10 working|line 2: 2030-01-10 is a weekday",
        "year 2030 A;2030-01-12 day_off|line 2: 2030-01-12 is a SATURDAY already",
        "year 2030|line 1: year 2030 must name the decree",
        "year 2030 A;year 2030 B|line 2: year 2030 is declared twice",
        "2030-01-09|line 1: expected"})
    void errorsNameTheLine(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(text.replace(';', '\n')));
        assertTrue(e.getMessage().contains("test.tsv, " + expected), e.getMessage());
    }

    @Test
    void loadsAnOverrideFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("calendar.tsv");
        Files.writeString(file, "year 2027 Постановление о 2027\n2027-05-10 day_off\n");
        ProductionCalendar calendar = ProductionCalendarFile.load(file);
        assertTrue(calendar.covers(2027));
        assertFalse(calendar.covers(2026));
        assertEquals(DayKind.DAY_OFF, calendar.kindOf(LocalDate.of(2027, 5, 10)));
    }

    @Test
    void yearWithoutDataFollowsTheLabourCode() {
        ProductionCalendar calendar = ProductionCalendar.labourCodeOnly();
        // 2027: 9 May and 12 June fall on a weekend → the next working day is off (Art. 112 part 2)
        assertEquals(DayKind.HOLIDAY, calendar.kindOf(LocalDate.of(2027, 5, 9)));
        assertEquals(DayKind.DAY_OFF, calendar.kindOf(LocalDate.of(2027, 5, 10)));
        assertEquals(DayKind.DAY_OFF, calendar.kindOf(LocalDate.of(2027, 6, 14)));
        // January holidays on a weekend are left to the decree: 2 and 3 January 2027 are Sat/Sun
        assertEquals(DayKind.WORKING, calendar.kindOf(LocalDate.of(2027, 1, 11)));
        // the eve of a holiday is shortened (Art. 95), a Friday before a weekend+holiday is not
        assertEquals(DayKind.SHORT, calendar.kindOf(LocalDate.of(2027, 2, 22)));
        assertEquals(DayKind.SHORT, calendar.kindOf(LocalDate.of(2027, 6, 11)));
        assertEquals(DayKind.SHORT, calendar.kindOf(LocalDate.of(2027, 11, 3)));
        assertEquals(DayKind.WORKING, calendar.kindOf(LocalDate.of(2027, 5, 7)));
        assertEquals(DayKind.SHORT, calendar.kindOf(LocalDate.of(2027, 12, 31)));
    }
}
