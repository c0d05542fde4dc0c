package ru.otklik.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Credentials that make a fresh install usable without clicking: env {@code OTKLIK_ADMIN_USER},
 * {@code OTKLIK_ADMIN_PASSWORD} and {@code OTKLIK_BOOTSTRAP_API_KEY}. Secrets, so only from the environment.
 */
public interface BootstrapConfig {

    @ConfigMapping(prefix = "otklik.admin")
    interface Admin {
        /** Username of the first administrator, created at start if absent. */
        Optional<String> user();

        /** Their password; never logged, never changed at a later start. */
        Optional<String> password();
    }

    @ConfigMapping(prefix = "otklik.bootstrap")
    interface Key {
        /** A machine key that may write posts and read feeds, registered (hashed) at start if absent. */
        Optional<String> apiKey();
    }
}
