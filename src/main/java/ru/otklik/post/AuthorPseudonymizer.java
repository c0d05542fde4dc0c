package ru.otklik.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ru.otklik.common.OtklikConfig;

/**
 * Maps an author handle to a stable pseudonym (HMAC-SHA256, 16 bytes hex). Statistics and exports carry only
 * pseudonyms (152-ФЗ); the key never leaves the server, so a pseudonym cannot be reversed by a reader.
 */
@ApplicationScoped
public class AuthorPseudonymizer {

    private final SecretKeySpec key;

    public AuthorPseudonymizer(OtklikConfig config) {
        this.key = new SecretKeySpec(config.pseudonymSecret()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> persistentKey(config.dataDir().resolve("pseudonym.key"))), "HmacSHA256");
    }

    public String pseudonymOf(String handle) {
        if (handle == null || handle.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(handle.strip().toLowerCase().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** A random key created once and kept in the data dir, so pseudonyms stay stable across restarts. */
    private static byte[] persistentKey(Path file) {
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file).strip());
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.getParent());
            Files.writeString(file, HexFormat.of().formatHex(secret));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the pseudonym key " + file, e);
        }
    }
}
