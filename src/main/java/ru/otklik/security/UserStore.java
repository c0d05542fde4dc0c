package ru.otklik.security;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import ru.otklik.common.ApiException;
import ru.otklik.common.SqlTime;

/**
 * The users table, over the plain reactive client: the authentication path must not depend on (or open) a
 * Hibernate session that the endpoint behind it may want for itself.
 */
@ApplicationScoped
public class UserStore {

    private final Pool pool;

    public UserStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<UserAccount> findByUsername(String username) {
        return pool.preparedQuery("select " + UserAccount.COLUMNS + " from app_user where username = $1")
                .execute(Tuple.of(username.toLowerCase())).map(UserStore::first);
    }

    /** A user with the instant from which their session cookies count (null: every unexpired cookie). */
    public record SessionUser(UserAccount account, Instant sessionsValidFrom) {
    }

    public Uni<SessionUser> findForSession(String username) {
        return pool.preparedQuery("select " + UserAccount.COLUMNS + ", sessions_valid_from from app_user where username = $1")
                .execute(Tuple.of(username.toLowerCase()))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    return new SessionUser(UserAccount.of(row), SqlTime.get(row, "sessions_valid_from"));
                });
    }

    /** Ends every session the user has: cookies issued up to {@code now} are refused from now on. */
    public Uni<Void> endSessions(String username, Instant now) {
        return pool.preparedQuery("update app_user set sessions_valid_from = $2 where username = $1")
                .execute(Tuple.of(username.toLowerCase(), SqlTime.of(now))).replaceWithVoid();
    }

    public Uni<UserAccount> findById(long id) {
        return pool.preparedQuery("select " + UserAccount.COLUMNS + " from app_user where id = $1")
                .execute(Tuple.of(id)).map(UserStore::first);
    }

    public Uni<List<UserAccount>> list() {
        return pool.query("select " + UserAccount.COLUMNS + " from app_user order by username").execute()
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(UserAccount::of).toList());
    }

    public Uni<UserAccount> insert(String username, String passwordHash, String displayName, Set<String> roles,
                                   String agencyCode, String createdBy, Instant now) {
        return pool.preparedQuery("insert into app_user (username, password_hash, display_name, roles, agency_code, "
                        + "created_by, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7) returning "
                        + UserAccount.COLUMNS)
                .execute(Tuple.from(new Object[] {username, passwordHash, displayName, UserAccount.storeRoles(roles),
                        agencyCode, createdBy, SqlTime.of(now)}))
                .map(UserStore::first)
                .onFailure(PgException.class).transform(e -> translate((PgException) e, username, agencyCode));
    }

    public Uni<UserAccount> update(UserAccount u, Instant now) {
        return pool.preparedQuery("update app_user set password_hash = $2, display_name = $3, roles = $4, "
                        + "agency_code = $5, enabled = $6, updated_at = $7 where id = $1 returning " + UserAccount.COLUMNS)
                .execute(Tuple.from(new Object[] {u.id(), u.passwordHash(), u.displayName(),
                        UserAccount.storeRoles(u.roles()), u.agencyCode(), u.enabled(), SqlTime.of(now)}))
                .map(UserStore::first)
                .onFailure(PgException.class).transform(e -> translate((PgException) e, u.username(), u.agencyCode()));
    }

    private static Throwable translate(PgException e, String username, String agencyCode) {
        return switch (e.getSqlState()) {
            case "23505" -> ApiException.conflict("Пользователь " + username + " уже существует");
            case "23503" -> ApiException.badRequest("Нет ведомства с кодом " + agencyCode);
            case "23514" -> ApiException.badRequest("Недопустимые данные пользователя: имя из латинских букв, цифр, "
                    + "точек, дефисов и подчёркиваний (2–64 символа); роль agency требует код ведомства");
            default -> e;
        };
    }

    private static UserAccount first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? UserAccount.of(it.next()) : null;
    }
}
