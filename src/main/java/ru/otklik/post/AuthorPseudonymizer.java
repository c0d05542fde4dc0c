package ru.otklik.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ru.otklik.common.OtklikConfig;
import ru.otklik.common.SecretFile;

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
                .orElseGet(() -> SecretFile.readOrCreate(config.dataDir().resolve("pseudonym.key"))), "HmacSHA256");
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
}
