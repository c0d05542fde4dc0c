package ru.otklik.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingCsvTest {

    @Test
    void roundTripsComputedRatings() throws IOException {
        List<RatingRow> rows = new ArrayList<>(new RatingCalculator(3).rate(RatingCalculatorTest.FIXTURE, RatingDimension.AGENCY,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), "2025-01-01/2026-01-01"));
        rows.add(new RatingRow("2025-03", RatingDimension.MUNICIPALITY, "Администрация \"Тула\",\nгород", 0, 0, 0, 0, null,
                null, null, null, null, null, null, null, null, null, null, null));
        String csv = RatingCsv.toCsv(rows);
        assertTrue(csv.startsWith(String.join(",", RatingCsv.HEADER) + "\r\n"), csv);
        assertTrue(csv.contains("\"Администрация \"\"Тула\"\",\nгород\""), csv);
        assertEquals(rows, RatingCsv.read(new StringReader(csv)));
    }

    @Test
    void readsLfLineEndsAndRejectsForeignFiles() throws IOException {
        String csv = String.join(",", RatingCsv.HEADER) + "\n2025-03,agency,A,1,1,1,0,2.0,2.0,,,1.0,,0.0,,1.0,0.0,66.7,\n";
        List<RatingRow> rows = RatingCsv.read(new StringReader(csv));
        assertEquals(1, rows.size());
        assertEquals(66.7, rows.get(0).score());
        assertThrows(IllegalArgumentException.class, () -> RatingCsv.read(new StringReader("a,b\n1,2\n")));
        assertThrows(IllegalArgumentException.class,
                () -> RatingCsv.read(new StringReader(String.join(",", RatingCsv.HEADER) + "\n1,2\n")));
    }
}
