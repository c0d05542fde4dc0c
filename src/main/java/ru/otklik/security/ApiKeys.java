package ru.otklik.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Key material: generation, the stored hash and the displayed prefix. */
public final class ApiKeys {

    /** Keys start with this, so that a leaked one is easy to recognise in logs and secret scanners. */
    public static final String MARK = "otk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PREFIX_LENGTH = MARK.length() + 8;

    private ApiKeys() {
    }

    /** 256 random bits, URL-safe. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    public static String prefix(String key) {
        return key.length() <= PREFIX_LENGTH ? key.substring(0, Math.min(4, key.length())) : key.substring(0, PREFIX_LENGTH);
    }
}
