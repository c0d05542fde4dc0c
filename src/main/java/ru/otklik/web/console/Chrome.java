package ru.otklik.web.console;

import ru.otklik.security.Roles;
import ru.otklik.web.Viewer;

/** What every console page's frame needs: who is looking and which section is open. */
public record Chrome(Viewer viewer, String section) {

    public static final String REVIEW = "review";
    public static final String INCIDENTS = "incidents";
    public static final String ALERTS = "alerts";
    public static final String RATINGS = "ratings";
    public static final String SOURCES = "sources";
    public static final String LANGUAGES = "languages";

    /** Whether the navigation offers a section: only the pages the viewer's roles may open. */
    public boolean shows(String name) {
        return switch (name) {
            case REVIEW, SOURCES, LANGUAGES -> viewer.hasRole(Roles.ANALYST) || viewer.hasRole(Roles.ADMIN);
            case ALERTS -> viewer.hasRole(Roles.ANALYST) || viewer.hasRole(Roles.ADMIN) || viewer.hasRole(Roles.PRESS);
            default -> true;
        };
    }

    public boolean is(String name) {
        return section.equals(name);
    }
}
