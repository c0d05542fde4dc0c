package ru.otklik.web.console;

import ru.otklik.web.Viewer;

/** What every console page's frame needs: who is looking and which section is open. */
public record Chrome(Viewer viewer, String section) {

    public static final String REVIEW = "review";
    public static final String INCIDENTS = "incidents";
    public static final String ALERTS = "alerts";
    public static final String RATINGS = "ratings";
    public static final String SOURCES = "sources";

    public boolean is(String name) {
        return section.equals(name);
    }
}
