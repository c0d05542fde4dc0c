package ru.otklik.incident;

import ru.otklik.common.OpaqueToken;

/**
 * A position in a walk of the incident feed: the change number the walk is pinned to, and the change number
 * of the last incident returned (see V2__incident_feed_positions.sql).
 */
record SnapshotCursor(long snapshot, long position) {

    String encode() {
        return OpaqueToken.encode(snapshot, position);
    }

    static SnapshotCursor decode(String token) {
        long[] p = OpaqueToken.decode(token, 2, "after");
        return new SnapshotCursor(p[0], p[1]);
    }
}
