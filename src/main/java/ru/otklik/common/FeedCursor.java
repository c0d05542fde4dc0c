package ru.otklik.common;

import java.time.Instant;

/** A keyset position in a feed ordered by (time desc, id desc). */
public record FeedCursor(Instant time, long id) {

    public String encode() {
        return OpaqueToken.encode(time.getEpochSecond(), time.getNano(), id);
    }

    public static FeedCursor decode(String token) {
        long[] p = OpaqueToken.decode(token, 3, "after");
        return new FeedCursor(Instant.ofEpochSecond(p[0], p[1]), p[2]);
    }
}
