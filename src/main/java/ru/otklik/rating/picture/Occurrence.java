package ru.otklik.rating.picture;

import java.time.Instant;

/** One incident in the regional picture: what, where, when it first appeared. */
public record Occurrence(String topic, String municipality, Instant firstSeenAt) {
}
