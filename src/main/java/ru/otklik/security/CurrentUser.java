package ru.otklik.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who is calling, as resources need it: the name for audit fields, the agency an agency user is bound to
 * (resources add it as a filter), and whether author identities may be shown. The injected identity is a
 * per-request proxy, so this bean can be shared.
 */
@ApplicationScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The username, or {@code api-key:<id>:<name>} for a machine. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * The agency whose data alone this caller may see; empty for everyone who sees all agencies. Roles that
     * see everything win, so an administrator who also holds {@code agency} is not restricted.
     */
    public Optional<String> agencyCode() {
        if (!identity.hasRole(Roles.AGENCY) || identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.ANALYST)
                || identity.hasRole(Roles.PRESS)) {
            return Optional.empty();
        }
        // a bound agency user without an agency would see everything: refuse instead
        String agency = identity.getAttribute(Identities.AGENCY);
        return Optional.of(agency == null ? "-" : agency);
    }

    /** Author handles and names (personal data, 152-ФЗ) are shown to analysts and administrators only. */
    public boolean seesAuthors() {
        return identity.hasRole(Roles.ANALYST) || identity.hasRole(Roles.ADMIN);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
