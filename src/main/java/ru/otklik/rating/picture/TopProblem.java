package ru.otklik.rating.picture;

import java.time.Instant;

/** A problem in the top list: an incident and how big it is — never who wrote about it. */
public record TopProblem(long id, String topic, String municipality, String agency, String title, String status,
                         String priority, int postCount, long reach, int growth, Instant firstSeenAt, Instant lastSeenAt) {
}
