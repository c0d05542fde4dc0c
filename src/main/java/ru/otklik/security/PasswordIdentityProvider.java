package ru.otklik.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks a username and password (the login form and HTTP Basic) against the bcrypt hash in the users table. */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final UserStore users;
    private final PasswordHasher hasher;
    /** Verified when the user is unknown, so that a wrong name takes as long as a wrong password. */
    private final String decoyHash;

    public PasswordIdentityProvider(UserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
        this.decoyHash = hasher.hash("decoy-password-never-matches");
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String password = new String(request.getPassword().getPassword());
        return users.findByUsername(request.getUsername()).chain(user -> context.runBlocking(() -> {
            boolean usable = user != null && user.enabled();
            boolean matches = hasher.matches(password, usable ? user.passwordHash() : decoyHash);
            if (!usable || !matches) {
                throw new AuthenticationFailedException("Wrong username or password");
            }
            return Identities.of(user);
        }));
    }
}
