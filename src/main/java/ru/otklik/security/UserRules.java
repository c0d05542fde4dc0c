package ru.otklik.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import ru.otklik.common.ApiException;

/** What an administrator may set on an account; each violation is a 400 with a Russian detail. */
final class UserRules {

    private UserRules() {
    }

    static Set<String> roles(Collection<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.badRequest("Укажите хотя бы одну роль: " + String.join(", ", new TreeSet<>(Roles.PEOPLE)));
        }
        Set<String> roles = new TreeSet<>();
        for (String role : requested) {
            String r = role == null ? "" : role.strip().toLowerCase();
            if (!Roles.PEOPLE.contains(r)) {
                throw ApiException.badRequest("Неизвестная роль «" + role + "»; допустимы: "
                        + String.join(", ", new TreeSet<>(Roles.PEOPLE)));
            }
            roles.add(r);
        }
        if (roles.contains(Roles.AGENCY) && roles.size() > 1) {
            // an agency account is bound to one agency; a broader role would silently lift that binding
            throw ApiException.badRequest("Роль agency не сочетается с другими ролями");
        }
        return roles;
    }

    /** The agency code to store: required for the agency role, refused for the others. */
    static String agency(Set<String> roles, String agencyCode) {
        boolean bound = roles.contains(Roles.AGENCY);
        String code = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip();
        if (bound && code == null) {
            throw ApiException.badRequest("Для роли agency укажите agencyCode — код ведомства");
        }
        if (!bound && code != null) {
            throw ApiException.badRequest("agencyCode задаётся только для роли agency");
        }
        return code;
    }

    static String password(String password, int minLength) {
        if (password == null || password.length() < minLength) {
            throw ApiException.badRequest("Пароль должен быть не короче " + minLength + " символов");
        }
        return password;
    }

    static String username(String username) {
        if (username == null || username.isBlank()) {
            throw ApiException.badRequest("Укажите username");
        }
        return username.strip().toLowerCase();
    }
}
