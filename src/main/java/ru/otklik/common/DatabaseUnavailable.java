package ru.otklik.common;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure caused by an unreachable database from a bug. The first is temporary and the client's
 * request is safe to repeat (intake is idempotent), so it gets 503 with {@code Retry-After} instead of 500;
 * the reactive pool opens new connections by itself once PostgreSQL is back.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait: about the time PostgreSQL takes to restart. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down). */
    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof ClosedConnectionException
                    || t instanceof PgException pg && unavailable(pg.getSqlState())
                    || t instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 is "connection exception". */
    private static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SHUTTING_DOWN.contains(sqlState));
    }

    public static Response response(String path) {
        return Response.fromResponse(Problem.of(503, "Сервис временно недоступен",
                        "База данных недоступна; запрос не выполнен и ничего не изменил. Повторите его через "
                                + RETRY_AFTER_SECONDS + " с.", path).toResponse())
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }
}
