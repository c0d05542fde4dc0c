package ru.otklik.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores a logged-in person from the form-login cookie, which carries only the username. Roles are read
 * afresh on every request, so a role change or a disabled account takes effect at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UserStore users;

    public SessionIdentityProvider(UserStore users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return users.findByUsername(request.getPrincipal()).map(user -> {
            if (user == null || !user.enabled()) {
                throw new AuthenticationFailedException("The session's user is gone or disabled");
            }
            return Identities.of(user);
        });
    }
}
