package ru.otklik.im.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes historical incidents with set-based SQL: per batch one statement inserts the incidents, their posts,
 * the links, both SLA clocks and an «imported» event, in one transaction. Idempotent: an incident whose
 * {@code im_id} is already there is left as it is, and so are its post, clocks and event (they are only
 * written for incidents the statement has just inserted).
 */
public final class HistoryWriter {

    public static final String SOURCE_KEY = "im-history";

    /** The statement's columns, in the order of {@link #COLUMNS}'s arrays. */
    private static final List<Column> COLUMNS = List.of(
            text("im_id", HistoryIncident::key), text("im_number", HistoryIncident::number),
            text("topic", HistoryIncident::topic), text("agency_code", HistoryIncident::agencyCode),
            text("municipality_code", HistoryIncident::municipalityCode), text("title", HistoryIncident::title),
            time("created", HistoryIncident::created), time("first_response_due", HistoryIncident::firstResponseDue),
            time("deadline", HistoryIncident::deadline), time("first_response_at", HistoryIncident::firstResponseAt),
            time("resolved_at", HistoryIncident::resolvedAt), time("closed_at", HistoryIncident::closedAt),
            text("answer_text", HistoryIncident::answerText), text("im_type", HistoryIncident::type),
            text("im_outcome", HistoryIncident::outcome), text("im_executor", HistoryIncident::executor),
            seconds("fr_working", HistoryIncident::firstResponseWorking),
            new Column("fr_met", "boolean", i -> i.firstResponseMet() == null ? null : i.firstResponseMet().toString()),
            text("post_url", HistoryIncident::postUrl), text("text", HistoryIncident::text),
            text("content_hash", HistoryIncident::contentHash), text("author_pseudonym", HistoryIncident::authorPseudonym),
            text("fr_target", HistoryIncident::firstResponseTarget),
            seconds("fr_target_seconds", HistoryIncident::firstResponseTargetWorking),
            text("res_target", HistoryIncident::resolutionTarget),
            seconds("res_target_seconds", HistoryIncident::resolutionTargetWorking));

    private static final String INSERT = """
            with input as (
                select * from unnest(%s) as t(%s)
            ), inc as (
                insert into incident (status, topic, incident_type, agency_code, municipality_code, priority, title, first_seen_at,
                                      last_seen_at, first_response_due_at, deadline_at, first_response_due_calendar_at,
                                      deadline_calendar_at, first_response_at, resolved_at, closed_at, post_count,
                                      answer_text, created_at, updated_at, im_id, im_number, im_type, im_outcome,
                                      im_executor, im_first_response_working_seconds, im_first_response_met)
                select 'closed', topic, im_type, agency_code, municipality_code, 'normal', title, created, created,
                       first_response_due, deadline, first_response_due, deadline, first_response_at, resolved_at,
                       closed_at, 1, answer_text, created, now(), im_id, im_number, im_type, im_outcome, im_executor,
                       fr_working, fr_met
                from input
                on conflict (im_id) do nothing
                returning id, im_id
            ), p as (
                insert into post (source_id, external_id, url, author_pseudonym, text, content_hash, published_at,
                                  fetched_at, analysis_state)
                select (select id from source where key = '%s'), i.im_id, i.post_url, i.author_pseudonym, i.text,
                       i.content_hash, i.created, now(), 'done'
                from inc join input i using (im_id)
                on conflict (source_id, external_id) do nothing
                returning id, external_id
            ), links as (
                insert into incident_post (incident_id, post_id, added_at, published_at)
                select inc.id, p.id, i.created, i.created
                from inc join p on p.external_id = inc.im_id join input i using (im_id)
            ), clocks as (
                insert into incident_sla_clock (incident_id, kind, cycle, started_at, target, working_target_seconds,
                                                stopped_at)
                select inc.id, 'first_response', 1, i.created, i.fr_target, i.fr_target_seconds, i.first_response_at
                from inc join input i using (im_id) where i.first_response_at is not null
                union all
                select inc.id, 'resolution', 1, i.created, i.res_target, i.res_target_seconds, i.resolved_at
                from inc join input i using (im_id) where i.resolved_at is not null
            ), events as (
                insert into incident_event (incident_id, type, to_status, actor, reason, payload, at)
                select inc.id, 'imported', 'closed', 'import-im', 'история «Инцидент Менеджмент»',
                       jsonb_strip_nulls(jsonb_build_object('im_id', i.im_id, 'im_number', i.im_number)), i.closed_at
                from inc join input i using (im_id)
            )
            select count(*) from inc""";

    private record Column(String name, String sqlType, Function<HistoryIncident, String> value) {
    }

    private static Column text(String name, Function<HistoryIncident, String> value) {
        return new Column(name, "text", value);
    }

    private static Column time(String name, Function<HistoryIncident, Instant> value) {
        return new Column(name, "timestamptz", i -> value.apply(i) == null ? null : value.apply(i).toString());
    }

    private static Column seconds(String name, Function<HistoryIncident, Duration> value) {
        return new Column(name, "bigint", i -> value.apply(i) == null ? null : String.valueOf(value.apply(i).toSeconds()));
    }

    private final Connection connection;

    public HistoryWriter(Connection connection) {
        this.connection = connection;
    }

    /**
     * The disabled source the historical posts belong to, the rubric topics and municipalities the incidents
     * name (the service copies them at start too; an import into a database the service never started needs
     * them first), and the agencies: the routing table's and the executors it does not know, under their slug
     * codes with ИМ's names (rows of code, name, kind, municipality).
     */
    public void prepare(Map<String, String> topics, List<String[]> municipalities, List<String[]> agencies)
            throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    insert into source (key, kind, title, origin, enabled)
                    values (?, ?, 'История «Инцидент Менеджмент»', 'api', false)
                    on conflict (key) do nothing""")) {
                s.setString(1, SOURCE_KEY);
                s.setString(2, SOURCE_KEY);
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement("""
                    insert into topic (code, name_ru) select * from unnest(?::text[], ?::text[])
                    on conflict (code) do nothing""")) {
                s.setArray(1, array(topics.keySet().toArray(String[]::new)));
                s.setArray(2, array(topics.values().toArray(String[]::new)));
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement("""
                    insert into municipality (code, name, kind, center)
                    select * from unnest(?::text[], ?::text[], ?::text[], ?::text[])
                    on conflict (code) do nothing""")) {
                columns(s, municipalities, 4);
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement("""
                    insert into agency (code, name, kind, municipality_code)
                    select c, n, k, nullif(m, '') from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as t(c, n, k, m)
                    on conflict (code) do nothing""")) {
                columns(s, agencies, 4);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Inserts one batch in one statement and one transaction; returns how many incidents were new. */
    public int write(List<HistoryIncident> batch) throws SQLException {
        String arrays = String.join(", ", COLUMNS.stream().map(c -> "?::text[]::" + c.sqlType() + "[]").toList());
        String names = String.join(", ", COLUMNS.stream().map(Column::name).toList());
        return inTransaction(() -> {
            try (PreparedStatement s = connection.prepareStatement(INSERT.formatted(arrays, names, SOURCE_KEY))) {
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Column column = COLUMNS.get(c);
                    s.setArray(c + 1, array(batch.stream().map(column.value()).toArray(String[]::new)));
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Binds rows of {@code width} values as that many column arrays. */
    private void columns(PreparedStatement s, List<String[]> rows, int width) throws SQLException {
        for (int c = 0; c < width; c++) {
            int col = c;
            s.setArray(c + 1, array(rows.stream().map(r -> r[col]).toArray(String[]::new)));
        }
    }

    private Array array(String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }
}
