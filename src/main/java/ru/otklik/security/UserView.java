package ru.otklik.security;

import java.time.Instant;
import java.util.List;

/** A user as the admin API shows it: never the password hash. */
public record UserView(long id, String username, String displayName, List<String> roles, String agencyCode,
                       boolean enabled, String createdBy, Instant createdAt, Instant updatedAt) {

    static UserView of(UserAccount u) {
        return new UserView(u.id(), u.username(), u.displayName(), List.copyOf(u.roles()), u.agencyCode(),
                u.enabled(), u.createdBy(), u.createdAt(), u.updatedAt());
    }
}
