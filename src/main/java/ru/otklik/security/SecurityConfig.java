package ru.otklik.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "otklik.security")
public interface SecurityConfig {

    /** bcrypt cost of new password hashes; each step doubles the time of a login. */
    @WithDefault("10")
    int passwordCost();

    /** Shortest password accepted from an administrator. */
    @WithDefault("10")
    int minPasswordLength();

    ApiKeys apiKeys();

    /**
     * Origins (e.g. {@code https://cur.example.ru}) whose pages may send state-changing requests with a session
     * cookie besides the host the request was addressed to: needed when a reverse proxy rewrites {@code Host}.
     */
    Optional<List<String>> trustedOrigins();

    interface ApiKeys {
        /** Requests per minute allowed to a key that has no limit of its own (token bucket, burst = limit). */
        @WithDefault("600")
        int defaultRatePerMinute();

        /** Keys' last uses are noted in memory and written together this often, so reads do not turn into writes. */
        @WithDefault("PT1M")
        Duration lastUsedResolution();

        /** How long a looked-up key is trusted without asking the database; revocation on this node is immediate. */
        @WithDefault("PT30S")
        Duration cacheTtl();
    }
}
