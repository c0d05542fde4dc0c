package ru.otklik.analysis;

/** A post an analysis worker has claimed: the version it read, so a later edit is not marked done. */
public record ClaimedPost(long id, int version, String text) {
}
