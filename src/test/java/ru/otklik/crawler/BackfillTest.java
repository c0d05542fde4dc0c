package ru.otklik.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillTest {

    @Test
    void firstPassStopsAtItsDepth() {
        Backfill.Step s = Backfill.START.after(List.of(100L, 99L, 98L), 98, false, 1);
        assertFalse(s.more());
        assertEquals(100L, s.cursor().lastId());
        assertFalse(s.cursor().inSweep());
    }

    @Test
    void pagesBackToTheLastSeenIdAcrossRuns() {
        Backfill seen = new Backfill(100L, null, null, 0);
        Backfill.Step p1 = seen.after(List.of(130L, 129L, 120L), 120, false, 1);
        assertTrue(p1.more());
        assertEquals(100L, p1.cursor().lastId(), "lastId moves only when the pass is complete");
        assertEquals(130L, p1.cursor().top());
        assertEquals(120L, p1.cursor().position());
        // the run stops here (budget, crash); the stored cursor resumes the same pass
        Backfill resumed = Backfill.of(p1.cursor().toJson());
        assertEquals(p1.cursor(), resumed);
        Backfill.Step p2 = resumed.after(List.of(119L, 105L, 99L), 99, false, 1);
        assertFalse(p2.more());
        assertEquals(130L, p2.cursor().lastId());
        assertFalse(p2.cursor().inSweep());
    }

    @Test
    void emptyOrExhaustedHistoryEndsThePass() {
        Backfill.Step none = Backfill.START.after(List.of(), 0, true, 3);
        assertFalse(none.more());
        assertNull(none.cursor().lastId());
        Backfill.Step end = new Backfill(5L, 9L, 7L, 1).after(List.of(6L), 6, true, 1);
        assertFalse(end.more());
        assertEquals(9L, end.cursor().lastId());
    }
}
