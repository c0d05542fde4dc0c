package ru.otklik.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;
import org.hibernate.reactive.session.ReactiveConnectionSupplier;
import org.hibernate.reactive.session.ReactiveSession;

/**
 * Set-based statements inside the caller's Hibernate Reactive transaction: a batch goes in as one JSON array
 * (the statement reads it with {@code jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(col type, …)}) and rows
 * come back as one JSON array. One round trip per statement whatever the batch size, and the rows map to
 * records by column name (snake_case ↔ camelCase), not by Hibernate's guess at native column types.
 *
 * <p>The statement goes straight to the session's connection (the reactive PostgreSQL client's prepared query, the
 * transaction's own connection), not through Hibernate's native query: that path parsed the SQL for parameters,
 * looked it up in the query plan cache and built a result mapping for every call, and its many methods were still
 * being compiled by the JIT long into a warm drain of the analysis queue (docs/performance.md). The session is
 * still flushed first when it holds entities or queued actions, so a statement sees the entities changed before it
 * in the same transaction.
 */
@ApplicationScoped
public class JsonSql {

    /** The one parameter, {@code :rows}, as the PostgreSQL client numbers it; a cast's {@code ::} is left alone. */
    private static final Pattern ROWS = Pattern.compile("(?<!:):rows\\b");

    private final ObjectMapper json;

    public JsonSql(ObjectMapper json) {
        this.json = json.copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Runs a statement over the rows; returns how many rows it changed. */
    public Uni<Integer> execute(String sql, Object rows) {
        Object[] param = {write(rows)};
        return onConnection(connection -> connection.update(positional(sql), param));
    }

    /**
     * Runs a query or a data-modifying statement with {@code returning} over the rows and reads what it
     * returns as records of {@code type}.
     */
    public <T> Uni<List<T>> query(String sql, Object rows, Class<T> type) {
        return queryJson("with q as (" + sql + ") select cast(coalesce(json_agg(q), '[]') as text) from q", rows, type);
    }

    /**
     * Runs a statement that itself answers one JSON array (one row, one column): for statements with a
     * data-modifying {@code with}, which cannot be nested in the wrapper {@link #query} puts around them.
     */
    public <T> Uni<List<T>> queryJson(String sql, Object rows, Class<T> type) {
        Object[] param = {write(rows)};
        return onConnection(connection -> connection.select(positional(sql), param))
                .map(result -> read((String) result.next()[0], type));
    }

    /**
     * Flushes the caller's session when it holds anything to flush, then runs the statement on its connection,
     * inside its transaction.
     */
    private static <T> Uni<T> onConnection(Function<ReactiveConnection, CompletionStage<T>> statement) {
        return Panache.getSession().chain(session -> {
            Uni<T> run = Uni.createFrom().completionStage(() -> statement.apply(connectionOf(session)));
            return nothingToFlush(session) ? run : session.flush().chain(() -> run);
        });
    }

    /**
     * No entity is managed and no action is queued: Hibernate's flush would find nothing to write, but it still
     * went through its event listeners, its reactive stages and Mutiny's before every statement (a saving too small
     * to measure in a drain's CPU, docs/performance.md 2026-12-05, but a path fewer per statement).
     */
    static boolean nothingToFlush(Mutiny.Session session) {
        ReactiveSession reactive = ((MutinySessionImpl) session).unwrap(ReactiveSession.class);
        PersistenceContext context = reactive.getSharedContract().getPersistenceContextInternal();
        return context.getNumberOfManagedEntities() == 0 && context.getCollectionEntriesSize() == 0
                && !reactive.getReactiveActionQueue().hasAnyQueuedActions();
    }

    /**
     * Hibernate Reactive's session implementation gives its connection to whoever asks for the supplier. The public
     * {@code Mutiny.Session} has no way to it, so this names the implementation class: an upgrade that changes it
     * fails {@code JsonSqlTest}, not a batch in production.
     */
    private static ReactiveConnection connectionOf(Mutiny.Session session) {
        return ((MutinySessionImpl) session).unwrap(ReactiveConnectionSupplier.class).getReactiveConnection();
    }

    /** {@code :rows} → {@code $1}: the statements are written with Hibernate's named parameter. */
    static String positional(String sql) {
        return ROWS.matcher(sql).replaceAll("\\$1");
    }

    /**
     * {@code insert into <table> (<columns>) select <columns> from <the rows>}: the columns are the record's
     * components in snake_case, so the record is the one place that lists them. {@code suffix} may add
     * {@code on conflict …} or {@code returning …}.
     */
    public static String insert(String table, Class<? extends Record> row, String suffix) {
        RecordComponent[] components = row.getRecordComponents();
        String names = Arrays.stream(components).map(c -> column(c.getName())).collect(Collectors.joining(", "));
        return "insert into " + table + " (" + names + ") select " + names + " from " + recordset(row) + " " + suffix;
    }

    /** {@code jsonb_to_recordset(:rows) as r(<column> <type>, …)} for rows of the record's shape. */
    public static String recordset(Class<? extends Record> row) {
        return "jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(" + Arrays.stream(row.getRecordComponents())
                .map(c -> column(c.getName()) + " " + sqlType(c.getType())).collect(Collectors.joining(", ")) + ")";
    }

    private static String column(String component) {
        return component.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static String sqlType(Class<?> type) {
        if (type == long.class || type == Long.class) {
            return "bigint";
        }
        if (type == int.class || type == Integer.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class) {
            return "double precision";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == Instant.class) {
            return "timestamptz";
        }
        if (Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return "jsonb";
        }
        throw new IllegalStateException("No SQL type for a column of type " + type);
    }

    private String write(Object rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> List<T> read(String result, Class<T> type) {
        try {
            return json.readValue(result, json.getTypeFactory().constructCollectionType(List.class, type));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
