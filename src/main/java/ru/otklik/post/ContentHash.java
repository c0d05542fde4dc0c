package ru.otklik.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fingerprint that tells an edited post from a re-fetched one: SHA-256 of title and text. */
public final class ContentHash {

    /** One digest per thread: looking the provider up for every post of a batch cost more than some hashes. */
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private ContentHash() {
    }

    public static String of(String title, String text) {
        // digest() leaves it reset for the next post
        MessageDigest sha = SHA.get();
        if (title != null) {
            sha.update(title.getBytes(StandardCharsets.UTF_8));
        }
        sha.update((byte) 0);
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
