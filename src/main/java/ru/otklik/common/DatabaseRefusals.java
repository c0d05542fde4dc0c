package ru.otklik.common;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;

/**
 * The last line behind input validation: PostgreSQL refusing a value a request carried (SQLSTATE class 22,
 * "data exception", or 54000, an index row too large) is the client's 400, not the service's 500. Each
 * endpoint still validates its input first so that the reason names the field; this catches what slips by.
 */
final class DatabaseRefusals {

    private DatabaseRefusals() {
    }

    /** The problem for a refused value anywhere in the cause chain, or null when it is something else. */
    static Problem problem(Throwable failure, String path) {
        String state = sqlState(failure);
        if (state == null) {
            return null;
        }
        String detail;
        if (state.equals("22021") || state.equals("22P05")) {
            detail = "Значение содержит символ, который нельзя сохранить (например, NUL \\u0000).";
        } else if (state.equals("54000") || state.equals("22001")) {
            detail = "Значение слишком длинное.";
        } else if (state.startsWith("22")) {
            detail = "Значение вне допустимого диапазона или не того формата.";
        } else {
            return null;
        }
        return Problem.of(400, InputProblems.TITLE, detail, path);
    }

    private static String sqlState(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof PgException pg) {
                return pg.getSqlState();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
