package ru.otklik.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The key lookup on the authentication path: cached briefly, never past a revocation on this node. */
class ApiKeyCacheTest {

    private final Map<String, ApiKeyRecord> table = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    private ApiKeyCache cache() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new ApiKeyCache(hash -> {
            lookups.incrementAndGet();
            return Uni.createFrom().item(table.get(hash));
        }, Duration.ofSeconds(30), clock);
    }

    private static ApiKeyRecord key(long id) {
        return new ApiKeyRecord(id, "feeder", "otk_abcdefgh", Set.of("feeds:read"), null, "admin",
                Instant.parse("2026-11-01T00:00:00Z"), null, null, null);
    }

    @Test
    void aKnownKeyIsLookedUpOncePerTtl() {
        table.put("h1", key(1));
        ApiKeyCache cache = cache();
        for (int i = 0; i < 100; i++) {
            assertThat(cache.findActive("h1").await().indefinitely()).isEqualTo(key(1));
        }
        assertThat(lookups).hasValue(1);
        now = now.plusSeconds(31);
        cache.findActive("h1").await().indefinitely();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void anUnknownKeyIsAskedEveryTimeSoANewKeyWorksAtOnce() {
        ApiKeyCache cache = cache();
        assertThat(cache.findActive("h2").await().indefinitely()).isNull();
        table.put("h2", key(2));
        assertThat(cache.findActive("h2").await().indefinitely()).isEqualTo(key(2));
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceEvenIfALookupRacedTheRevocation() {
        table.put("h3", key(3));
        ApiKeyCache cache = cache();
        assertThat(cache.findActive("h3").await().indefinitely()).isNotNull();
        cache.forget(3);
        // the database still answers with the key, as a lookup that started before the revocation committed would
        assertThat(cache.findActive("h3").await().indefinitely()).isNull();
    }
}
