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
    /** One initialised Mac per thread: looking the provider up and keying it cost more than hashing a handle. */
    private final ThreadLocal<Mac> macs;

    public AuthorPseudonymizer(OtklikConfig config) {
        this.key = new SecretKeySpec(config.pseudonymSecret()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> SecretFile.readOrCreate(config.dataDir().resolve("pseudonym.key"))), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String pseudonymOf(String handle) {
        if (handle == null || handle.isBlank()) {
            return null;
        }
        // doFinal leaves the Mac reset with its key, ready for the next handle
        byte[] digest = macs.get().doFinal(handle.strip().toLowerCase().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
