package ru.otklik.security;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import ru.otklik.common.SqlTime;

/** The api_key table over the plain reactive client (it sits on the authentication path). */
@ApplicationScoped
public class ApiKeyStore {

    private final Pool pool;

    public ApiKeyStore(Pool pool) {
        this.pool = pool;
    }

    /** The unrevoked key with this hash, or null. */
    public Uni<ApiKeyRecord> findActive(String keyHash) {
        return pool.preparedQuery("select " + ApiKeyRecord.COLUMNS + " from api_key where key_hash = $1 and revoked_at is null")
                .execute(Tuple.of(keyHash)).map(ApiKeyStore::first);
    }

    public Uni<List<ApiKeyRecord>> list() {
        return pool.query("select " + ApiKeyRecord.COLUMNS + " from api_key order by id").execute()
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ApiKeyRecord::of).toList());
    }

    /** Stores a key; null when a key with the same hash exists (a bootstrap key registered at an earlier start). */
    public Uni<ApiKeyRecord> insert(String name, String key, Set<String> scopes, Integer ratePerMinute,
                                    String createdBy, Instant now) {
        return pool.preparedQuery("insert into api_key (name, prefix, key_hash, scopes, rate_per_minute, created_by, "
                        + "created_at) values ($1, $2, $3, $4, $5, $6, $7) on conflict (key_hash) do nothing returning "
                        + ApiKeyRecord.COLUMNS)
                .execute(Tuple.from(new Object[] {name, ApiKeys.prefix(key), ApiKeys.hash(key),
                        String.join(" ", new TreeSet<>(scopes)), ratePerMinute, createdBy, SqlTime.of(now)}))
                .map(ApiKeyStore::first);
    }

    /** Revokes the key; null when there is no such key. Revoking twice keeps the first revocation. */
    public Uni<ApiKeyRecord> revoke(long id, String by, Instant now) {
        return pool.preparedQuery("update api_key set revoked_at = coalesce(revoked_at, $2), "
                        + "revoked_by = coalesce(revoked_by, $3) where id = $1 returning " + ApiKeyRecord.COLUMNS)
                .execute(Tuple.of(id, SqlTime.of(now), by)).map(ApiKeyStore::first);
    }

    private static ApiKeyRecord first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? ApiKeyRecord.of(it.next()) : null;
    }
}
