package ru.otklik.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Restores a logged-in person from the form-login cookie, which carries only the username and its expiry.
 * Roles are read afresh on every request, so a role change or a disabled account takes effect at once; in the
 * same query, a cookie issued before the person's last logout is refused, so logging out ends the session on
 * every node (the cookie itself cannot be recalled from the browser that copied it).
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UserStore users;
    private final SessionCookie cookies;
    private final String cookieName;

    public SessionIdentityProvider(UserStore users,
                                   @ConfigProperty(name = SessionKeyConfigSourceFactory.KEY) String encryptionKey,
                                   @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
                                   @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.users = users;
        this.cookies = new SessionCookie(encryptionKey, timeout);
        this.cookieName = cookieName;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        Optional<Instant> issued = issuedAt(HttpSecurityUtils.getRoutingContextAttribute(request));
        return users.findForSession(request.getPrincipal()).map(user -> {
            if (user == null || !user.account().enabled()) {
                throw new AuthenticationFailedException("The session's user is gone or disabled");
            }
            if (user.sessionsValidFrom() != null
                    && issued.map(at -> !at.isAfter(user.sessionsValidFrom())).orElse(true)) {
                throw new AuthenticationFailedException("The session ended with a logout");
            }
            return Identities.of(user.account());
        });
    }

    private Optional<Instant> issuedAt(RoutingContext context) {
        Cookie cookie = context == null ? null : context.request().getCookie(cookieName);
        return cookie == null ? Optional.empty() : cookies.issuedAt(cookie.getValue());
    }
}
