package ru.otklik.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import ru.otklik.post.PostView;

/** One incident with its posts and its audit trail. */
public record IncidentDetails(IncidentView incident, List<PostView> posts, List<Event> events) {

    /** An audit entry as the API shows it. */
    public record Event(long id, String type, String fromStatus, String toStatus, String actor, String reason,
                        Map<String, Object> payload, Instant at) {

        static Event of(IncidentEvent e) {
            return new Event(e.id, e.type, e.fromStatus, e.toStatus, e.actor, e.reason, e.payload, e.at);
        }
    }
}
