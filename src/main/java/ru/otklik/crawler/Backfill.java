package ru.otklik.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * Paging back from the newest item to the last one seen, for feeds that list newest first with numeric ids
 * (a VK wall, a t.me channel). The sweep's progress is part of the cursor, so a run cut short (page budget,
 * crash, failure) continues where it stopped instead of leaving a gap or starting over.
 *
 * <p>Cursor JSON: {@code {"lastId": 120, "sweep": {"top": 150, "position": 131, "pages": 1}}}. {@code lastId}
 * is the newest id known to be stored with everything down to the previous {@code lastId}; {@code sweep}, when
 * present, is a pass in progress that started at {@code top} and must reach {@code lastId}. {@code position}
 * is where the next page starts: the id to page {@code before} (t.me) or the offset (VK).
 *
 * @param lastId   newest id covered without gap, null before the first complete pass
 * @param top      newest id of the pass in progress, null when none
 * @param position next page's start within the pass in progress
 * @param pages    pages fetched by the pass in progress
 */
public record Backfill(Long lastId, Long top, Long position, int pages) {

    public static final Backfill START = new Backfill(null, null, null, 0);

    public boolean inSweep() {
        return top != null;
    }

    /** The outcome of one page: the next cursor and whether to fetch another page now. */
    public record Step(Backfill cursor, boolean more) {
    }

    /**
     * @param ids          ids on the page (pinned posts excluded: they are old and would end the pass early)
     * @param nextPosition where the page after this one starts
     * @param endOfHistory the platform has nothing older
     * @param initialPages how deep the very first pass goes; older history is not fetched
     */
    public Step after(Collection<Long> ids, long nextPosition, boolean endOfHistory, int initialPages) {
        long max = ids.stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        long min = ids.stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        Long passTop = inSweep() ? top : ids.isEmpty() ? null : max;
        int done = (inSweep() ? pages : 0) + 1;
        boolean reached = lastId != null && (ids.isEmpty() || min <= lastId);
        boolean deepEnough = lastId == null && done >= initialPages;
        if (reached || endOfHistory || ids.isEmpty() || deepEnough) {
            Long newest = passTop == null ? lastId : lastId == null ? passTop : Long.valueOf(Math.max(lastId, passTop));
            return new Step(new Backfill(newest, null, null, 0), false);
        }
        return new Step(new Backfill(lastId, passTop, nextPosition, done), true);
    }

    public static Backfill of(JsonNode cursor) {
        if (cursor == null || cursor.isNull()) {
            return START;
        }
        Long last = cursor.hasNonNull("lastId") ? cursor.get("lastId").asLong() : null;
        JsonNode sweep = cursor.get("sweep");
        if (sweep == null || sweep.isNull()) {
            return new Backfill(last, null, null, 0);
        }
        return new Backfill(last, sweep.get("top").asLong(), sweep.get("position").asLong(), sweep.path("pages").asInt());
    }

    /** Writes into {@code target} (which may hold other fields of a kind's cursor). */
    public ObjectNode writeTo(ObjectNode target) {
        if (lastId == null) {
            target.putNull("lastId");
        } else {
            target.put("lastId", lastId);
        }
        if (inSweep()) {
            target.putObject("sweep").put("top", top).put("position", position).put("pages", pages);
        } else {
            target.remove("sweep");
        }
        return target;
    }

    public ObjectNode toJson() {
        return writeTo(JsonNodeFactory.instance.objectNode());
    }
}
