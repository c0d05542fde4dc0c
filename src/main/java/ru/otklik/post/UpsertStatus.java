package ru.otklik.post;

import com.fasterxml.jackson.annotation.JsonValue;

/** What storing one post did. */
public enum UpsertStatus {
    CREATED, UPDATED, UNCHANGED, REJECTED;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }
}
