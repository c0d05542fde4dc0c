package ru.otklik.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fingerprint that tells an edited post from a re-fetched one: SHA-256 of title and text. */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String title, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (title != null) {
                sha.update(title.getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
