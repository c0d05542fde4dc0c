package ru.otklik.alert;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import ru.otklik.common.SqlTime;

/**
 * An alert as the API, the SSE stream and webhooks show it. It carries no author identity: the press service
 * and external receivers are not entitled to personal data.
 */
public record AlertView(long id, String messageId, String kind, String subjectType, long subjectId, Long postId,
                        Long incidentId, double value, double threshold, String title, String excerpt, String url,
                        String topic, String municipality, String agency, Instant createdAt, Instant acknowledgedAt,
                        String acknowledgedBy) {

    /** The alert table's columns this view reads, for queries that join it. */
    public static final List<String> COLUMN_NAMES = List.of("id", "message_id", "kind", "subject_type", "subject_id", "post_id",
        "incident_id", "value", "threshold", "title", "excerpt", "url", "topic", "municipality", "agency_code",
        "created_at", "acknowledged_at", "acknowledged_by");
    static final String COLUMNS = String.join(", ", COLUMN_NAMES);

    public static AlertView of(Row r) {
        return new AlertView(r.getLong("id"), r.getString("message_id"), r.getString("kind"),
                r.getString("subject_type"), r.getLong("subject_id"), r.getLong("post_id"), r.getLong("incident_id"),
                r.getDouble("value"), r.getDouble("threshold"), r.getString("title"), r.getString("excerpt"),
                r.getString("url"), r.getString("topic"), r.getString("municipality"), r.getString("agency_code"),
                SqlTime.get(r, "created_at"), SqlTime.get(r, "acknowledged_at"), r.getString("acknowledged_by"));
    }

    /** The alert as raised, without who acknowledged it: what a webhook receives on every attempt. */
    public AlertView asRaised() {
        return new AlertView(id, messageId, kind, subjectType, subjectId, postId, incidentId, value, threshold, title,
                excerpt, url, topic, municipality, agency, createdAt, null, null);
    }
}
