package ru.otklik.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Looks a presented key up by its hash, charges its rate limit and records its use. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);

    private final ApiKeyStore keys;
    private final RateLimiter limiter;
    private final SecurityConfig config;
    private final Clock clock;

    public ApiKeyIdentityProvider(ApiKeyStore keys, RateLimiter limiter, SecurityConfig config, Clock clock) {
        this.keys = keys;
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
        return keys.findActive(ApiKeys.hash(request.key())).chain(key -> {
            if (key == null) {
                // the prefix only: a full key must never reach a log
                LOG.debugf("Unknown or revoked API key %s", ApiKeys.prefix(request.key()));
                throw new AuthenticationFailedException("Unknown or revoked API key");
            }
            int limit = key.ratePerMinute() == null ? config.apiKeys().defaultRatePerMinute() : key.ratePerMinute();
            limiter.acquire(key.id(), limit);
            return keys.touch(key.id(), clock.instant(), config.apiKeys().lastUsedResolution())
                    .replaceWith(Identities.of(key));
        });
    }
}
