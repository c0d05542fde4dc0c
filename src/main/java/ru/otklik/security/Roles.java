package ru.otklik.security;

import java.util.Set;

/**
 * The roles endpoints declare in {@code @RolesAllowed}. People hold one or more of the first four; a machine
 * key holds {@link #API} plus one role per scope it was given ({@link #POSTS_WRITE}…), so an endpoint names
 * exactly the scope it needs.
 */
public final class Roles {

    /** Monitoring analysts: everything about posts and incidents, including author identities. */
    public static final String ANALYST = "analyst";
    /** The press service: alerts and feeds, authors only as pseudonyms. */
    public static final String PRESS = "press";
    /** Staff of one agency: only that agency's incidents. */
    public static final String AGENCY = "agency";
    /** Administrators: users, keys, webhooks, and everything the others see. */
    public static final String ADMIN = "admin";
    /** Every machine key; by itself it allows nothing. */
    public static final String API = "api";

    /** Key scope: hand posts over ({@code POST /api/posts}). */
    public static final String POSTS_WRITE = "posts:write";
    /** Key scope: read posts and incident feeds. */
    public static final String FEEDS_READ = "feeds:read";
    /** Key scope: read alerts and their stream. */
    public static final String ALERTS_READ = "alerts:read";

    public static final Set<String> PEOPLE = Set.of(ANALYST, PRESS, AGENCY, ADMIN);
    public static final Set<String> SCOPES = Set.of(POSTS_WRITE, FEEDS_READ, ALERTS_READ);

    private Roles() {
    }
}
