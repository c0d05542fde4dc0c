package ru.otklik.incident.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.otklik.incident.grouping.IncidentTermsCache.Member;

class IncidentTermsCacheTest {

    private static final TermVector POTHOLES = new TermVector(Map.of("ям", 3, "дорог", 1));

    @Test
    void anIncidentsSumIsReusedOnlyForTheSamePostsAtTheSameVersionsInTheSameOrder() {
        IncidentTermsCache cache = new IncidentTermsCache();
        List<Member> loaded = new ArrayList<>(List.of(new Member(12, 1), new Member(10, 2)));
        cache.put(7, loaded, POTHOLES);
        // the caller's list may change afterwards: the entry keeps what it was summed from
        loaded.add(new Member(9, 1));

        assertSame(POTHOLES, cache.get(7, List.of(new Member(12, 1), new Member(10, 2))));
        assertNull(cache.get(7, List.of(new Member(13, 1), new Member(12, 1), new Member(10, 2))), "a post joined");
        assertNull(cache.get(7, List.of(new Member(12, 1), new Member(10, 3))), "a post was edited");
        assertNull(cache.get(7, List.of(new Member(10, 2), new Member(12, 1))), "another order");
        assertNull(cache.get(7, List.of(new Member(12, 1))), "a post left");
        assertNull(cache.get(8, List.of(new Member(12, 1), new Member(10, 2))), "another incident");
    }

    @Test
    void theLeastRecentlyUsedIncidentGoesFirstWhenFull() {
        IncidentTermsCache cache = new IncidentTermsCache();
        List<Member> posts = List.of(new Member(1, 1));
        for (long id = 0; id < IncidentTermsCache.CAPACITY; id++) {
            cache.put(id, posts, POTHOLES);
        }
        assertSame(POTHOLES, cache.get(0, posts));
        cache.put(IncidentTermsCache.CAPACITY, posts, POTHOLES);

        assertSame(POTHOLES, cache.get(0, posts), "used just before, kept");
        assertNull(cache.get(1, posts), "the eldest unused one went");
        assertEquals(POTHOLES, cache.get(IncidentTermsCache.CAPACITY, posts));
    }
}
