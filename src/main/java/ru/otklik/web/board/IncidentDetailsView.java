package ru.otklik.web.board;

import java.time.Instant;
import java.util.List;

/** Everything the incident page shows: the incident, its posts and its audit trail. */
public record IncidentDetailsView(BoardRow incident, List<PostLine> posts, List<EventLine> events) {

    /** A post of the incident; {@code author} is already reduced to what the viewer may see. */
    public record PostLine(long id, String source, String url, String author, String title, String text,
                           Instant publishedAt) {
    }

    /** An audit entry; {@code details} is the payload as readable text. */
    public record EventLine(long id, String type, String fromStatus, String toStatus, String actor, String reason,
                            String details, Instant at) {
    }
}
