package ru.otklik.security;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.HashSet;
import java.util.Set;

/** Builds the security identities of people and machine keys, with the attributes {@link CurrentUser} reads. */
final class Identities {

    static final String AGENCY = "otklik.agency";
    static final String API_KEY_ID = "otklik.api-key-id";

    private Identities() {
    }

    static SecurityIdentity of(UserAccount user) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username()))
                .addRoles(user.roles());
        if (user.agencyCode() != null) {
            builder.addAttribute(AGENCY, user.agencyCode());
        }
        return builder.build();
    }

    static SecurityIdentity of(ApiKeyRecord key) {
        Set<String> roles = new HashSet<>(key.scopes());
        roles.add(Roles.API);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.principalName()))
                .addRoles(roles)
                .addAttribute(API_KEY_ID, key.id())
                .build();
    }
}
