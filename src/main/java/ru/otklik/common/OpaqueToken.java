package ru.otklik.common;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/** Numbers packed into a URL-safe token, so clients treat cursors as opaque and cannot come to rely on them. */
public final class OpaqueToken {

    private OpaqueToken() {
    }

    public static String encode(long... parts) {
        String plain = Arrays.stream(parts).mapToObj(Long::toString).collect(Collectors.joining("."));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code count} numbers of a token, or a 400 problem naming the parameter if it is not one of ours. */
    public static long[] decode(String token, int count, String parameter) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            long[] parts = Arrays.stream(plain.split("\\.")).mapToLong(Long::parseLong).toArray();
            if (parts.length != count) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Параметр " + parameter + " содержит неизвестный курсор: " + token);
        }
    }
}
