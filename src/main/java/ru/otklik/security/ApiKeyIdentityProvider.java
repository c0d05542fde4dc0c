package ru.otklik.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Looks a presented key up by its hash (cached, see {@link ApiKeyCache}), charges its rate limit and notes its use
 * in memory ({@link ApiKeyUsage}): a request with a known key costs the database nothing.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);

    private final ApiKeyCache keys;
    private final ApiKeyUsage usage;
    private final RateLimiter limiter;
    private final SecurityConfig config;
    private final Clock clock;

    public ApiKeyIdentityProvider(ApiKeyCache keys, ApiKeyUsage usage, RateLimiter limiter, SecurityConfig config,
                                  Clock clock) {
        this.keys = keys;
        this.usage = usage;
        this.limiter = limiter;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return keys.findActive(ApiKeys.hash(request.key())).map(key -> {
            if (key == null) {
                // the prefix only: a full key must never reach a log
                LOG.debugf("Unknown or revoked API key %s", ApiKeys.prefix(request.key()));
                throw new AuthenticationFailedException("Unknown or revoked API key");
            }
            int limit = key.ratePerMinute() == null ? config.apiKeys().defaultRatePerMinute() : key.ratePerMinute();
            limiter.acquire(key.id(), limit);
            usage.used(key.id(), clock.instant());
            return Identities.of(key);
        });
    }
}
