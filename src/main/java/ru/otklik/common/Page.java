package ru.otklik.common;

import java.util.List;
import java.util.function.Function;

/** One page of a feed: the items and the opaque cursor of the next page, null on the last one. */
public record Page<T>(List<T> items, String next) {

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that more exist, and the
     * cursor points after the last row returned.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, FeedCursor> position, Function<R, T> view) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? position.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    /** Validates a client's {@code limit}. */
    public static int limit(Integer requested, int defaultLimit, int max) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > max) {
            throw ApiException.badRequest("limit должен быть от 1 до " + max + ", получено " + requested);
        }
        return requested;
    }
}
