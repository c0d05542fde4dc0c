package ru.otklik.analysis;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import ru.otklik.nlp.place.TulaGazetteer;
import ru.otklik.nlp.routing.RoutingTable;

/**
 * Copies the reference files (rubric, municipalities, agencies) into their tables at start, so incidents can
 * reference them and SQL reports can name them. The files stay the source of truth.
 */
@ApplicationScoped
public class ReferenceData {

    private final Pool pool;
    private final RoutingTable routing;
    private final TulaGazetteer gazetteer;
    private final Rubric rubric;

    public ReferenceData(Pool pool, RoutingTable routing, TulaGazetteer gazetteer, Rubric rubric) {
        this.pool = pool;
        this.routing = routing;
        this.gazetteer = gazetteer;
        this.rubric = rubric;
    }

    void onStart(@Observes StartupEvent event) {
        List<Tuple> topics = rubric.topics().entrySet().stream()
                .map(t -> Tuple.of(t.getKey(), t.getValue())).toList();
        List<Tuple> municipalities = gazetteer.municipalities().stream()
                .map(m -> Tuple.of(m.code(), m.name(), m.kind(), m.center())).toList();
        List<Tuple> agencies = routing.agencies().stream()
                .map(a -> Tuple.of(a.code(), a.name(), a.kind(), a.municipality())).toList();
        pool.withTransaction(c -> c.preparedQuery("""
                        insert into topic (code, name_ru) values ($1, $2)
                        on conflict (code) do update set name_ru = excluded.name_ru""").executeBatch(topics)
                .chain(() -> c.preparedQuery("""
                        insert into municipality (code, name, kind, center) values ($1, $2, $3, $4)
                        on conflict (code) do update set name = excluded.name, kind = excluded.kind,
                        center = excluded.center""").executeBatch(municipalities))
                .chain(() -> c.preparedQuery("""
                        insert into agency (code, name, kind, municipality_code) values ($1, $2, $3, $4)
                        on conflict (code) do update set name = excluded.name, kind = excluded.kind,
                        municipality_code = excluded.municipality_code""").executeBatch(agencies)))
                .await().atMost(Duration.ofMinutes(1));
    }
}
