package ru.otklik.incident.grouping;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The term vectors of recently grouped posts, so that comparing a complaint with an incident does not stem
 * the incident's latest posts again for every complaint. A post's vector is computed once, when it is
 * analysed, and reused while its incident stays active. Keyed by post and text version, so an edited post is
 * stemmed again; bounded, least recently used out first.
 */
@ApplicationScoped
public class TermVectorCache {

    /** About 20 posts of each of a few hundred active incidents; an entry is a few KB. */
    static final int CAPACITY = 8_192;

    private record Entry(int version, TermVector terms) {
    }

    private final Map<Long, Entry> entries = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The vector of that version of the post, or null if it is not cached. */
    public synchronized TermVector get(long postId, int version) {
        Entry e = entries.get(postId);
        return e == null || e.version() != version ? null : e.terms();
    }

    public synchronized void put(long postId, int version, TermVector terms) {
        entries.put(postId, new Entry(version, terms));
    }
}
