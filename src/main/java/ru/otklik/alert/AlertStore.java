package ru.otklik.alert;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import ru.otklik.common.FeedCursor;
import ru.otklik.common.SqlTime;

/** Reads and acknowledges alerts (raising them is {@link AlertService}'s, inside the analysis transaction). */
@ApplicationScoped
public class AlertStore {

    private final Pool pool;

    public AlertStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<AlertView> find(long id) {
        return pool.preparedQuery("select " + AlertView.COLUMNS + " from alert where id = $1")
                .execute(Tuple.of(id)).map(AlertStore::first);
    }

    /** Newest first; {@code limit + 1} rows so the caller can tell whether a next page exists. */
    public Uni<List<AlertView>> list(String kind, Boolean acknowledged, FeedCursor after, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (kind != null) {
            params.add(kind);
            where.add("kind = $" + params.size());
        }
        if (acknowledged != null) {
            where.add(acknowledged ? "acknowledged_at is not null" : "acknowledged_at is null");
        }
        if (after != null) {
            params.add(SqlTime.of(after.time()));
            params.add(after.id());
            where.add("(created_at, id) < ($" + (params.size() - 1) + ", $" + params.size() + ")");
        }
        params.add(limit + 1);
        String sql = "select " + AlertView.COLUMNS + " from alert"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by created_at desc, id desc limit $" + params.size();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(AlertStore::all);
    }

    /** Alerts after {@code id}, oldest first: what an SSE client missed while reconnecting. */
    public Uni<List<AlertView>> after(long id, int limit) {
        return pool.preparedQuery("select " + AlertView.COLUMNS + " from alert where id > $1 order by id limit $2")
                .execute(Tuple.of(id, limit)).map(AlertStore::all);
    }

    /** Records who acknowledged the alert and when; a second acknowledgement keeps the first. Null if absent. */
    public Uni<AlertView> acknowledge(long id, String by, Instant now) {
        return pool.preparedQuery("update alert set acknowledged_at = coalesce(acknowledged_at, $2), "
                        + "acknowledged_by = coalesce(acknowledged_by, $3) where id = $1 returning " + AlertView.COLUMNS)
                .execute(Tuple.of(id, SqlTime.of(now), by)).map(AlertStore::first);
    }

    private static AlertView first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? AlertView.of(it.next()) : null;
    }

    private static List<AlertView> all(RowSet<Row> rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(AlertView::of).toList();
    }
}
