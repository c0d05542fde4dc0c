package ru.otklik.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import ru.otklik.incident.Incident;
import ru.otklik.incident.IncidentView;
import ru.otklik.incident.IncidentViews;

/**
 * A year of a busy region: more incidents than PostgreSQL takes bind parameters in one statement (32,767). The ratings
 * and the ИМ export load facts and views for all of them with one {@code in ?1} query each; Hibernate Reactive binds
 * such a list to PostgreSQL as one array today, and this guards that no change (a native query with one parameter per
 * id, say) brings the limit back.
 */
@QuarkusTest
class RatingFactsLargeTest {

    private static final int INCIDENTS = 40_000;

    @Inject
    RatingFacts facts;

    @Inject
    IncidentViews views;

    @Test
    void factsAndViewsOfFortyThousandIncidentsComeFromTheDatabaseWithoutHittingTheBindLimit() throws Throwable {
        // ids far above any the tests create: no clock or member row exists, so every fact is empty, but each
        // id still travels to PostgreSQL as a bind parameter of the `in` list
        Instant created = Instant.parse("2004-03-01T09:00:00Z");
        List<Incident> incidents = LongStream.range(0, INCIDENTS).mapToObj(n -> {
            Incident i = new Incident();
            i.id = 9_000_000_000L + n;
            i.status = "new";
            i.createdAt = created;
            return i;
        }).toList();

        List<IncidentFact> known = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> facts.of(incidents, created.plusSeconds(3600))));
        List<IncidentView> found = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> views.of(incidents)));

        assertEquals(INCIDENTS, known.size());
        assertEquals(incidents.get(INCIDENTS - 1).id, known.get(INCIDENTS - 1).incidentId());
        assertEquals(INCIDENTS, found.size());
        assertTrue(found.stream().allMatch(v -> v.postIds().isEmpty()));
    }
}
