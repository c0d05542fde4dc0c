package ru.otklik.web;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is looking at a console page or calling a review endpoint, reduced to what the pages need: a name for
 * the audit trail and whether raw author identities may be shown (152-ФЗ: only analysts and admins).
 */
public record Viewer(String name, Set<String> roles, boolean anonymous) {

    /** The roles that may see authors' handles and names; everyone else sees pseudonymous ids. */
    public static final Set<String> AUTHOR_ROLES = Set.of("analyst", "admin");

    /** Recorded as reviewer or actor when nobody is logged in (a deployment without access control). */
    public static final String ANONYMOUS = "anonymous";

    /** Every role the service knows; JAX-RS can only be asked about roles one by one. */
    public static final Set<String> KNOWN_ROLES = Set.of("analyst", "press", "agency", "admin", "api");

    /**
     * Reads the request's security context, which JAX-RS offers whether or not an authentication mechanism
     * is installed: without one everybody is anonymous and sees pseudonyms only.
     */
    public static Viewer of(SecurityContext context) {
        Principal principal = context == null ? null : context.getUserPrincipal();
        if (principal == null || principal.getName() == null || principal.getName().isEmpty()) {
            return new Viewer(ANONYMOUS, Set.of(), true);
        }
        Set<String> roles = KNOWN_ROLES.stream().filter(context::isUserInRole).collect(Collectors.toUnmodifiableSet());
        return new Viewer(principal.getName(), roles, false);
    }

    public boolean canSeeAuthors() {
        return roles.stream().anyMatch(AUTHOR_ROLES::contains);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
