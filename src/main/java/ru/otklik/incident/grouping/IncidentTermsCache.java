package ru.otklik.incident.grouping;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summed term vectors of candidate incidents, kept from one batch to the next. Every batch loads the open
 * incidents near its complaints with their latest posts, and summing those posts' vectors for each candidate was
 * most of grouping's CPU in a drain (docs/performance.md, 2026-12-05 perf-queue6), although the same incidents
 * come back batch after batch with the same posts. An entry is valid only for the exact posts (and text versions)
 * it was summed from, in their order, so an incident that gained, lost or changed a post is summed again.
 * Bounded, least recently used out first.
 */
@ApplicationScoped
public class IncidentTermsCache {

    /** A few batches' candidates (at most 50 per complaint's area); an entry is the incident's distinct stems. */
    static final int CAPACITY = 512;

    /** One of the posts an incident's vector was summed from. */
    public record Member(long postId, int version) {
    }

    private record Entry(List<Member> members, TermVector terms) {
    }

    private final Map<Long, Entry> entries = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The incident's vector summed from exactly these posts, or null if it is not cached. */
    public synchronized TermVector get(long incidentId, List<Member> members) {
        Entry e = entries.get(incidentId);
        return e == null || !e.members().equals(members) ? null : e.terms();
    }

    public synchronized void put(long incidentId, List<Member> members, TermVector terms) {
        entries.put(incidentId, new Entry(List.copyOf(members), terms));
    }
}
