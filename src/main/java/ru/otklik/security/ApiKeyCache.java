package ru.otklik.security;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Active API keys by hash, kept for {@code otklik.security.api-keys.cache-ttl}, so a busy key costs no database
 * round trip per request. A revocation on this node takes effect at once ({@link #forget}); on another node
 * sharing the database, within the TTL. Unknown keys are not cached: a new key works at once, and random keys
 * cannot fill the memory.
 */
@ApplicationScoped
public class ApiKeyCache {

    /** Past this many keys the cache starts over; real deployments have tens. */
    static final int MAX_ENTRIES = 10_000;

    private record Cached(ApiKeyRecord key, Instant expires) {
    }

    private final Function<String, Uni<ApiKeyRecord>> lookup;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> byHash = new ConcurrentHashMap<>();
    /** Ids revoked on this node: a lookup that raced the revocation cannot bring the key back. */
    private final Set<Long> revoked = ConcurrentHashMap.newKeySet();

    @Inject
    public ApiKeyCache(ApiKeyStore store, SecurityConfig config, Clock clock) {
        this(store::findActive, config.apiKeys().cacheTtl(), clock);
    }

    ApiKeyCache(Function<String, Uni<ApiKeyRecord>> lookup, Duration ttl, Clock clock) {
        this.lookup = lookup;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The unrevoked key with this hash, or null. */
    public Uni<ApiKeyRecord> findActive(String keyHash) {
        Instant now = clock.instant();
        Cached cached = byHash.get(keyHash);
        if (cached != null && now.isBefore(cached.expires())) {
            return Uni.createFrom().item(cached.key());
        }
        return lookup.apply(keyHash).map(key -> {
            if (key == null || revoked.contains(key.id())) {
                byHash.remove(keyHash);
                return null;
            }
            if (byHash.size() >= MAX_ENTRIES) {
                byHash.clear();
            }
            byHash.put(keyHash, new Cached(key, now.plus(ttl)));
            return key;
        });
    }

    /** Called once the revocation is committed: the key's next request is refused. */
    public void forget(long id) {
        revoked.add(id);
        byHash.values().removeIf(c -> c.key().id() == id);
    }
}
