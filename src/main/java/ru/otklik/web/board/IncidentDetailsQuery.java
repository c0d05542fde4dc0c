package ru.otklik.web.board;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import ru.otklik.common.ApiException;
import ru.otklik.web.Viewer;
import ru.otklik.web.review.ReferenceNames;

/** Reads one incident with its posts and events for the incident page. */
@ApplicationScoped
public class IncidentDetailsQuery {

    private static final String POSTS = """
            select p.id, s.key as source, p.url, p.author_handle, p.author_name, p.author_pseudonym, p.title, p.text,
                   p.published_at
            from incident_post ip join post p on p.id = ip.post_id join source s on s.id = p.source_id
            where ip.incident_id = $1 order by p.published_at, p.id""";

    private static final String EVENTS = """
            select id, type, from_status, to_status, actor, reason, payload::text as payload, at
            from incident_event where incident_id = $1 order by at, id""";

    private final Pool pool;
    private final IncidentBoard board;

    public IncidentDetailsQuery(Pool pool, IncidentBoard board) {
        this.pool = pool;
        this.board = board;
    }

    public Uni<IncidentDetailsView> load(long id, Viewer viewer, ReferenceNames.Catalog names) {
        return board.one(id).chain(incident -> {
            // another agency's incident does not exist for agency staff
            if (incident == null || viewer.agency().isPresent() && !viewer.agency().get().equals(incident.agency())) {
                throw ApiException.notFound("Нет инцидента " + id);
            }
            return pool.preparedQuery(POSTS).execute(Tuple.of(id)).chain(posts ->
                    pool.preparedQuery(EVENTS).execute(Tuple.of(id)).map(events -> new IncidentDetailsView(incident,
                            postLines(posts, viewer), eventLines(events, names))));
        });
    }

    private static List<IncidentDetailsView.PostLine> postLines(Iterable<Row> rows, Viewer viewer) {
        List<IncidentDetailsView.PostLine> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new IncidentDetailsView.PostLine(r.getLong("id"), r.getString("source"), r.getString("url"),
                    author(r, viewer), r.getString("title"), r.getString("text"),
                    r.getOffsetDateTime("published_at").toInstant()));
        }
        return out;
    }

    /** Raw identities only for analysts and admins (152-ФЗ); others get the pseudonym. */
    static String author(Row r, Viewer viewer) {
        String handle = r.getString("author_handle");
        String name = r.getString("author_name");
        if (viewer.canSeeAuthors() && (handle != null || name != null)) {
            return name == null ? handle : handle == null ? name : name + " (" + handle + ")";
        }
        String pseudonym = r.getString("author_pseudonym");
        return pseudonym == null ? "автор неизвестен" : "псевдоним " + pseudonym.substring(0, Math.min(12, pseudonym.length()));
    }

    private static List<IncidentDetailsView.EventLine> eventLines(Iterable<Row> rows, ReferenceNames.Catalog names) {
        List<IncidentDetailsView.EventLine> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new IncidentDetailsView.EventLine(r.getLong("id"), r.getString("type"), r.getString("from_status"),
                    r.getString("to_status"), r.getString("actor"), r.getString("reason"),
                    details(r.getString("payload"), names), r.getOffsetDateTime("at").toInstant()));
        }
        return out;
    }

    /**
     * A payload in words: a correction ({@code from}/{@code to}) as "тема: Дороги → Транспорт", anything else
     * as "key: value" pairs; empty payloads print nothing.
     */
    static String details(String payload, ReferenceNames.Catalog names) {
        if (payload == null || payload.isBlank()) {
            return "";
        }
        JsonObject json = new JsonObject(payload);
        JsonObject from = json.getValue("from") instanceof JsonObject f ? f : null;
        JsonObject to = json.getValue("to") instanceof JsonObject t ? t : null;
        if (from != null && to != null) {
            return to.fieldNames().stream().sorted().map(field -> switch (field) {
                case "topic" -> "тема: " + names.topic(from.getString(field)) + " → " + names.topic(to.getString(field));
                case "agency" -> "ведомство: " + names.agency(from.getString(field)) + " → "
                        + names.agency(to.getString(field));
                case "municipality" -> "место: " + names.municipality(from.getString(field)) + " → "
                        + names.municipality(to.getString(field));
                default -> field + ": " + from.getValue(field) + " → " + to.getValue(field);
            }).collect(Collectors.joining("; "));
        }
        return json.stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
