package ru.otklik.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A keyset position in a feed ordered by (time desc, id desc), encoded as an opaque URL-safe token so that
 * clients cannot come to depend on its shape.
 */
public record FeedCursor(Instant time, long id) {

    public String encode() {
        String plain = time.getEpochSecond() + "." + time.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    public static FeedCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            Instant time = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return new FeedCursor(time, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Параметр after содержит неизвестный курсор: " + token);
        }
    }
}
