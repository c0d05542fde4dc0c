package ru.otklik.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads when Quarkus issued a form-login cookie, so a logout can refuse cookies issued before it. The cookie
 * is Quarkus' {@code PersistentLoginManager} format: base64 of (IV length, IV, AES-GCM of
 * "{@code <expiry millis>:<user>}") under SHA-256 of the session key, where expiry = issue time + the form
 * timeout. Anything that does not decrypt gives no time, and the session is refused.
 */
final class SessionCookie {

    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final Duration timeout;

    SessionCookie(String encryptionKey, Duration timeout) {
        try {
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(encryptionKey.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
        this.timeout = timeout;
    }

    /** When the cookie was issued or last renewed. */
    Optional<Instant> issuedAt(String cookie) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(cookie.getBytes(StandardCharsets.UTF_8)));
            byte[] iv = new byte[buffer.get()];
            buffer.get(iv);
            byte[] encrypted = new byte[buffer.remaining()];
            buffer.get(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            String value = new String(cipher.doFinal(encrypted), StandardCharsets.UTF_8);
            long expiry = Long.parseLong(value.substring(0, value.indexOf(':')));
            return Optional.of(Instant.ofEpochMilli(expiry).minus(timeout));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
