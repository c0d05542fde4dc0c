package ru.otklik.common;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

/** Builds the where-clause of a feed query from the filters a client actually sent. */
public final class Filter {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** Adds {@code condition} with its one named parameter, unless the value is null (filter not sent). */
    public Filter and(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.and(name, value);
        }
        return this;
    }

    /** Adds the keyset condition for a feed ordered by ({@code timeField} desc, id desc). */
    public Filter after(String timeField, FeedCursor cursor) {
        if (cursor != null) {
            conditions.add("(" + timeField + " < :cursorTime or (" + timeField + " = :cursorTime and id < :cursorId))");
            parameters.and("cursorTime", cursor.time()).and("cursorId", cursor.id());
        }
        return this;
    }

    public String query(String orderBy) {
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return where + " order by " + orderBy;
    }

    public Parameters parameters() {
        return parameters;
    }
}
