package ru.otklik.web;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ru.otklik.security.CurrentUser;
import ru.otklik.security.Roles;

/**
 * Who is looking at a console page or calling a review endpoint, reduced to what the pages need: a name for
 * the audit trail, whether raw author identities may be shown (152-ФЗ: only analysts and admins), and the
 * agency an agency user is bound to.
 *
 * @param agency the only agency whose incidents this viewer may see; empty for everyone who sees all
 */
public record Viewer(String name, Set<String> roles, Optional<String> agency) {

    /** Every role a person can hold, in the order the header lists them. */
    private static final Set<String> PEOPLE = Roles.PEOPLE;

    public static Viewer of(CurrentUser user) {
        Set<String> roles = PEOPLE.stream().filter(user::hasRole).collect(Collectors.toUnmodifiableSet());
        return new Viewer(user.name(), roles, user.agencyCode());
    }

    public boolean canSeeAuthors() {
        return hasRole(Roles.ANALYST) || hasRole(Roles.ADMIN);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean anonymous() {
        return roles.isEmpty();
    }

    /** The roles in Russian, for the page header. */
    public String roleNames() {
        return roles.stream().sorted().map(r -> switch (r) {
            case Roles.ANALYST -> "аналитик";
            case Roles.PRESS -> "пресс-служба";
            case Roles.AGENCY -> "ведомство";
            case Roles.ADMIN -> "администратор";
            default -> r;
        }).collect(Collectors.joining(", "));
    }

    /** Where {@code /console} takes this viewer: the page of their everyday work. */
    public String home() {
        if (canSeeAuthors()) {
            return "/console/review";
        }
        return hasRole(Roles.PRESS) ? "/console/alerts" : "/console/incidents";
    }
}
