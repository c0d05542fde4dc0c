package ru.otklik.analysis;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the model-version sets ({@code model_set}, V73) that analyses refer to instead of repeating the
 * versions on every row. A set is stored in its own transaction, committed before the analysis batch that names it,
 * so an id this node remembers always exists: a rolled-back batch cannot take its set with it. A process analyses
 * with one set of models, so after the first batch every lookup is answered from memory.
 */
@ApplicationScoped
public class ModelSets {

    /** {@code do update}, not {@code do nothing}: it returns the id also when another node stored the set first. */
    private static final String STORE = """
            insert into model_set (versions) values ($1)
            on conflict (versions) do update set versions = excluded.versions
            returning id""";

    private final Pool pool;
    private final Map<Map<String, String>, Long> ids = new ConcurrentHashMap<>();

    public ModelSets(Pool pool) {
        this.pool = pool;
    }

    /** The id of each of the sets, storing those not stored yet. */
    public Uni<Map<Map<String, String>, Long>> idsOf(Collection<Map<String, String>> sets) {
        return Multi.createFrom().iterable(sets.stream().distinct().toList())
                .onItem().transformToUniAndConcatenate(versions -> idOf(versions).map(id -> Map.entry(versions, id)))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Uni<Long> idOf(Map<String, String> versions) {
        Long known = ids.get(versions);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        Map<String, String> key = Map.copyOf(versions);
        return pool.preparedQuery(STORE).execute(Tuple.of(new JsonObject(new HashMap<String, Object>(key))))
                .map(rows -> {
                    long id = rows.iterator().next().getLong("id");
                    ids.put(key, id);
                    return id;
                });
    }
}
